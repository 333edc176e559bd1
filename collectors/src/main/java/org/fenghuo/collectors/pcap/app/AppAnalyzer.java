package org.fenghuo.collectors.pcap.app;

/**
 * The protocol state of one flow. For TCP, {@link #data} receives each direction's bytes in
 * order after reassembly, in whatever pieces the segments gave (a message may span calls, a call
 * may hold several messages); for UDP, one datagram per call. The arrays are only valid during
 * the call: copy what must outlive it. Must never throw on any input: hostile bytes are reported
 * through {@link AppOutput#malformed} and analysis goes on or stops ({@link #wantsMore}).
 */
public interface AppAnalyzer {
    void data(Direction direction, byte[] data, int off, int len, long timestampNanos, AppOutput out);

    /**
     * {@code missing} bytes of a TCP direction were never seen (capture loss, a segment too far
     * ahead): resynchronise if the protocol allows, else stop wanting data.
     */
    default void gap(Direction direction, long missing, long timestampNanos, AppOutput out) {
    }

    /** The flow ended: emit what is still held (a request without a response). */
    default void end(long timestampNanos, AppOutput out) {
    }

    /** False once the analyzer needs no more bytes of this flow; further packets then cost nothing. */
    boolean wantsMore();
}
