package org.fenghuo.collectors.output;

import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/** Hands everything to two sinks; the test keeps a copy of what went to Kafka. */
final class TeeSink implements EventSink {

    private final EventSink first;
    private final EventSink second;

    TeeSink(EventSink first, EventSink second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void event(SecurityEvent event) {
        first.event(event);
        second.event(event);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        first.deadLetter(deadLetter);
        second.deadLetter(deadLetter);
    }

    @Override
    public void flush() {
        first.flush();
        second.flush();
    }
}
