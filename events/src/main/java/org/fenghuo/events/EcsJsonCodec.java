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

    /** @throws EcsJsonException naming the offending field or offset when the input is not a valid event */
    public static SecurityEvent fromJson(byte[] json) throws EcsJsonException {
        return EcsJsonReader.read(JsonTreeParser.parse(json));
    }

    public static SecurityEvent fromJson(String json) throws EcsJsonException {
        return EcsJsonReader.read(JsonTreeParser.parse(json));
    }
}
