package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/** ECS events as NDJSON: one event, one line. */
final class NdjsonLines {
    private NdjsonLines() {
    }

    static void write(SecurityEvent event, OutputStream out) {
        EcsJsonCodec.writeTo(event, out);
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events", e);
        }
    }
}
