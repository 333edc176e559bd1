package org.fenghuo.collectors.input;

import org.fenghuo.events.DeadLetter;

/**
 * Receives input that could not become an event. Called from input threads (the file reader's
 * caller, the UDP receive thread, one thread per TCP connection): implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface DeadLetterSink {

    void deadLetter(DeadLetter deadLetter);

    /** Pushes out anything buffered; throws when records buffered so far could not be delivered. */
    default void flush() {
    }
}
