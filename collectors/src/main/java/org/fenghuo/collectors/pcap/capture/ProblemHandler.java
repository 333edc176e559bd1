package org.fenghuo.collectors.pcap.capture;

/**
 * Receives every problem a capture reader finds, on the reading thread, in file order. The reader
 * has already counted the problem in its stats and decides by itself whether to go on.
 */
@FunctionalInterface
public interface ProblemHandler {
    /** Drops problems; the stats still count them. */
    ProblemHandler IGNORE = (kind, offset, reason) -> { };

    /**
     * @param kind   the closed category, for counting
     * @param offset byte offset in the input of the header, record or block concerned
     * @param reason one line for a human, naming the offending value
     */
    void problem(ProblemKind kind, long offset, String reason);
}
