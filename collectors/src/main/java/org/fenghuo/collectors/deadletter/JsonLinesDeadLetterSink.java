package org.fenghuo.collectors.deadletter;

import java.io.PrintStream;
import java.util.Objects;
import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;

/** Writes each dead letter as one JSON line, e.g. to stderr for {@code fenghuo ingest}. Thread-safe. */
public final class JsonLinesDeadLetterSink implements DeadLetterSink {

    private final PrintStream out;

    public JsonLinesDeadLetterSink(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    public static JsonLinesDeadLetterSink stderr() {
        return new JsonLinesDeadLetterSink(System.err);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        String line = DeadLetterJson.toJson(deadLetter);
        synchronized (out) {
            out.println(line);
        }
    }

    @Override
    public void flush() {
        out.flush();
    }
}
