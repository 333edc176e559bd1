package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenghuo.collectors.deadletter.JsonLinesDeadLetterSink;

/** Where a decode command's dead letters go: NDJSON on stderr, or in a file opened here and closed on {@link #close()}. */
final class DeadLetterOutput implements AutoCloseable {
    private final PrintStream file;
    private final JsonLinesDeadLetterSink sink;

    private DeadLetterOutput(PrintStream file) {
        this.file = file;
        this.sink = file == null ? JsonLinesDeadLetterSink.stderr() : new JsonLinesDeadLetterSink(file);
    }

    /** @param file the {@code --dead-letters} file, or null for stderr */
    static DeadLetterOutput open(Path file) throws IOException {
        return new DeadLetterOutput(file == null ? null
                : new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8));
    }

    JsonLinesDeadLetterSink sink() {
        return sink;
    }

    @Override
    public void close() {
        sink.flush();
        if (file != null) {
            file.close();
        }
    }
}
