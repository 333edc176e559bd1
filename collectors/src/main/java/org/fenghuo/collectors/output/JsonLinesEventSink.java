package org.fenghuo.collectors.output;

import java.io.PrintStream;
import java.util.Objects;
import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/** Writes events as ECS JSON lines (e.g. to stdout for a dry run); dead letters go elsewhere. Thread-safe. */
public final class JsonLinesEventSink implements EventSink {

    private final PrintStream out;
    private final DeadLetterSink deadLetters;

    public JsonLinesEventSink(PrintStream out, DeadLetterSink deadLetters) {
        this.out = Objects.requireNonNull(out, "out");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    @Override
    public void event(SecurityEvent event) {
        String line = EcsJsonCodec.toJson(event);
        synchronized (out) {
            out.println(line);
        }
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        deadLetters.deadLetter(deadLetter);
    }

    @Override
    public void flush() {
        out.flush();
        deadLetters.flush();
    }
}
