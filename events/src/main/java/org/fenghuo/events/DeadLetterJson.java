package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * JSON for {@link DeadLetter}, ECS-shaped so the dead-letter index sits beside the events in
 * Kibana:
 * <pre>
 * {"@timestamp":"2026-11-23T10:00:00.123Z",
 *  "event":{"kind":"pipeline_error"},
 *  "error":{"message":"invalid UTF-8 at byte 17"},
 *  "log":{"offset":4096},
 *  "fenghuo":{"input":"syslog-udp","dead_letter":{"origin":"10.0.0.5:514","raw_base64":"PDEzPk...","raw_length":2048}}}
 * </pre>
 * The raw bytes are not put in {@code event.original}: that field is text, and these bytes are
 * by definition what could not be read as text. {@code log.offset} is left out when unknown
 * (-1). Reading ignores unknown fields; a missing offset reads as -1, a missing raw length as
 * the decoded length.
 */
public final class DeadLetterJson {
    /** {@code event.kind} ECS gives to documents about ingest failures. */
    public static final String EVENT_KIND = "pipeline_error";

    private DeadLetterJson() {
    }

    public static byte[] toJsonBytes(DeadLetter d) {
        return toJson(d).getBytes(StandardCharsets.UTF_8);
    }

    public static String toJson(DeadLetter d) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = JsonTreeParser.FACTORY.createGenerator(out)) {
            LazyJsonOut o = new LazyJsonOut(gen);
            o.openRoot();
            o.instant("@timestamp", d.timestamp());
            o.open("event");
            o.str("kind", EVENT_KIND);
            o.close();
            o.open("error");
            o.str("message", d.reason());
            o.close();
            o.open("log");
            o.num("offset", d.offset() < 0 ? null : d.offset());
            o.close();
            o.open("fenghuo");
            o.str("input", d.input());
            o.open("dead_letter");
            o.str("origin", d.origin());
            o.str("raw_base64", d.rawBase64());
            o.num("raw_length", d.rawLength());
            o.close();
            o.close();
            o.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static DeadLetter fromJson(byte[] json) throws EcsJsonException {
        return read(JsonTreeParser.parse(json));
    }

    public static DeadLetter fromJson(String json) throws EcsJsonException {
        return read(JsonTreeParser.parse(json));
    }

    private static DeadLetter read(Map<String, Object> tree) throws EcsJsonException {
        JsonObj r = new JsonObj(tree, "");
        String reason = null;
        JsonObj error = r.obj("error");
        if (error != null) {
            reason = error.str("message");
        }
        Long offset = null;
        JsonObj log = r.obj("log");
        if (log != null) {
            offset = log.int64("offset");
        }
        String input = null;
        String origin = null;
        String raw = null;
        Long rawLength = null;
        JsonObj fenghuo = r.obj("fenghuo");
        if (fenghuo != null) {
            input = fenghuo.str("input");
            JsonObj dl = fenghuo.obj("dead_letter");
            if (dl != null) {
                origin = dl.str("origin");
                raw = dl.str("raw_base64");
                rawLength = dl.int64("raw_length");
            }
        }
        int decoded = 0;
        if (raw != null) {
            try {
                decoded = Base64.getDecoder().decode(raw).length;
            } catch (IllegalArgumentException e) {
                throw EcsJsonException.field("fenghuo.dead_letter.raw_base64", "not base64: " + e.getMessage());
            }
        }
        return new DeadLetter(r.instant("@timestamp"), input, origin, offset == null ? -1 : offset, reason, raw,
                rawLength == null ? decoded : rawLength);
    }
}
