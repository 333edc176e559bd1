package org.fenghuo.collectors.input;

import java.util.Objects;
import java.util.function.Consumer;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * Where every input hands what it read: events, and dead letters for what it could not read.
 * Called from input threads (see {@link DeadLetterSink}): implementations must be thread-safe.
 * The input never closes the sink it was given; whoever created the sink closes it.
 */
public interface EventSink extends DeadLetterSink, AutoCloseable {

    void event(SecurityEvent event);

    @Override
    default void close() {
    }

    /** A sink from two callbacks, e.g. an in-memory list for events and stderr for dead letters. */
    static EventSink of(Consumer<SecurityEvent> events, DeadLetterSink deadLetters) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(deadLetters, "deadLetters");
        return new EventSink() {
            @Override
            public void event(SecurityEvent event) {
                events.accept(event);
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                deadLetters.deadLetter(deadLetter);
            }

            @Override
            public void flush() {
                deadLetters.flush();
            }
        };
    }
}
