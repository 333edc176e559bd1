package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Reads and writes {@link SecurityEvent} as the nested ECS JSON document Elasticsearch and
 * Kibana expect. Thread-safe: one shared, immutable {@code JsonFactory}; no ObjectMapper.
 *
 * <p>Writing: nested objects with ECS snake_case names, nulls, empty lists and empty objects
 * left out, instants as ISO-8601 UTC with at least milliseconds, {@code extra} merged back at
 * its place. Reading: that shape, dotted keys at any level (merged with the nested form),
 * {@code @timestamp} as ISO-8601 or epoch milliseconds, unknown fields kept in {@code extra}.
 * A wrong type in a known field is an {@link EcsJsonException} naming the dotted field.
 * See {@code events/README.md} for the exact rules.
 */
public final class EcsJsonCodec {
    private EcsJsonCodec() {
    }

    /** UTF-8 JSON, one line, no trailing newline. */
    public static byte[] toJsonBytes(SecurityEvent event) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(512)) {
            writeTo(event, out);
            return out.toByteArray();
        }
    }

    public static String toJson(SecurityEvent event) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator gen = JsonTreeParser.FACTORY.createGenerator(out)) {
            EcsJsonWriter.write(new LazyJsonOut(gen), event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Streams the event to {@code out} as UTF-8 JSON without closing it (e.g. one NDJSON line). */
    public static void writeTo(SecurityEvent event, OutputStream out) {
        try (JsonGenerator gen = JsonTreeParser.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            EcsJsonWriter.write(new LazyJsonOut(gen), event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An NDJSON writer over one stream: one generator for every event (no per-event set-up), each
     * event one line ending in {@code \n}, the same bytes as {@link #writeTo} plus the newline.
     * Output is buffered: {@link LineWriter#flush()} before anything else writes to the stream.
     */
    public static LineWriter lineWriter(OutputStream out) {
        return new LineWriter(out);
    }

    /** See {@link #lineWriter}. Not thread-safe; does not close the stream. */
    public static final class LineWriter implements java.io.Flushable {
        private final JsonGenerator gen;
        private final LazyJsonOut lazyOut;
        private final ComponentMemo memo = new ComponentMemo();
        /** Set by a write that failed midway: the generator and the lazy writer hold a half-written line. */
        private Throwable failed;

        private LineWriter(OutputStream out) {
            try {
                gen = JsonTreeParser.FACTORY.createGenerator(out, JsonEncoding.UTF8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            gen.setRootValueSeparator(null);
            this.lazyOut = new LazyJsonOut(gen);
        }

        /**
         * @throws UncheckedIOException when the stream fails; the line it was writing is then cut,
         *         and this writer refuses any further write (IllegalStateException)
         */
        public void write(SecurityEvent event) {
            if (failed != null) {
                throw new IllegalStateException("an earlier write failed, its line is cut: " + failed, failed);
            }
            try {
                EcsJsonWriter.write(lazyOut, event, memo);
                gen.writeRaw('\n');
            } catch (IOException e) {
                failed = e;
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                failed = e;
                throw e;
            }
        }

        /** Passes the buffered lines to the stream (without flushing the stream itself). */
        @Override
        public void flush() {
            try {
                gen.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @throws EcsJsonException naming the offending field or offset when the input is not a valid event */
    public static SecurityEvent fromJson(byte[] json) throws EcsJsonException {
        return EcsJsonReader.read(JsonTreeParser.parse(json));
    }

    public static SecurityEvent fromJson(String json) throws EcsJsonException {
        return EcsJsonReader.read(JsonTreeParser.parse(json));
    }
}
