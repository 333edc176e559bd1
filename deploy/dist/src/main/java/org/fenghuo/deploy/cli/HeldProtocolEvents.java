package org.fenghuo.deploy.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/**
 * The protocol events of one capture, held until its flows are out: they wait as NDJSON in a
 * temporary file. A flows-only decode never creates one, and so never pays for seeding the random
 * temporary names ({@code Files.createTempFile}, ~7 ms of CPU).
 */
final class HeldProtocolEvents implements Closeable {
    private Path file;
    private OutputStream out;
    private EcsJsonCodec.LineWriter lines;

    void write(SecurityEvent event) {
        open();
        lines.write(event);
    }

    /**
     * Creates the file now, if not yet: a decode with protocols calls it before reading, so a
     * temporary directory it cannot write to fails the file at once, not at its first protocol event.
     */
    void open() {
        if (lines != null) {
            return;
        }
        try {
            file = Files.createTempFile("fenghuo-pcap-events", ".ndjson");
            file.toFile().deleteOnExit(); // also when Ctrl-C ends the run mid-file
            out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            lines = EcsJsonCodec.lineWriter(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold protocol events in a temporary file: " + e.getMessage(), e);
        }
    }

    /** The temporary file, or null before {@link #open}. */
    Path file() {
        return file;
    }

    /** Copies the held events to {@code stdout}; nothing when none came. */
    void copyTo(OutputStream stdout) throws IOException {
        if (lines == null) {
            return;
        }
        lines.flush();
        out.flush();
        Files.copy(file, stdout);
    }

    @Override
    public void close() throws IOException {
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
