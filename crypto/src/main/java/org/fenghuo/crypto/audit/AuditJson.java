package org.fenghuo.crypto.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.fenghuo.crypto.CryptoFailure;

/**
 * One entry as one compact JSON object (one line of the file store, one document of the
 * Elasticsearch store). Parsing is strict: unknown or duplicate fields, wrong types, trailing
 * text and invalid UTF-8 are refused, so a changed byte cannot slip through as "the same" entry.
 *
 * <pre>
 * {"type":"record","sequence":7,"time":"2026-11-24T06:00:00Z","actor":"alice","action":"pii.reveal",
 *  "target":"event ev-1 user.id","outcome":"success","details":{"reason":"case 42"},
 *  "previous_hash":"<64 hex>","hash":"<64 hex>"}
 * {"type":"checkpoint","sequence":8,"time":"...","key_id":"audit-signing","key_version":1,
 *  "key_fingerprint":"<64 hex>","signature":"<base64 DER>","previous_hash":"<64 hex>","hash":"<64 hex>"}
 * </pre>
 */
public final class AuditJson {

    private static final Set<String> RECORD_FIELDS = Set.of("type", "sequence", "time", "actor", "action", "target",
            "outcome", "details", "previous_hash", "hash");
    private static final Set<String> CHECKPOINT_FIELDS = Set.of("type", "sequence", "time", "key_id", "key_version",
            "key_fingerprint", "signature", "previous_hash", "hash");
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private AuditJson() {
    }

    public static String toJson(AuditEntry entry) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            if (entry instanceof AuditRecord r) {
                g.writeStringField("type", "record");
                common(g, r);
                g.writeStringField("actor", r.actor());
                g.writeStringField("action", r.action());
                g.writeStringField("target", r.target());
                g.writeStringField("outcome", r.outcome().wireName());
                g.writeObjectFieldStart("details");
                for (Map.Entry<String, String> d : r.details().entrySet()) {
                    g.writeStringField(d.getKey(), d.getValue());
                }
                g.writeEndObject();
            } else if (entry instanceof AuditCheckpoint c) {
                g.writeStringField("type", "checkpoint");
                common(g, c);
                g.writeStringField("key_id", c.keyId());
                g.writeNumberField("key_version", c.keyVersion());
                g.writeStringField("key_fingerprint", c.keyFingerprint());
                g.writeStringField("signature", Base64.getEncoder().encodeToString(c.signature()));
            }
            g.writeStringField("previous_hash", entry.previousHash());
            g.writeStringField("hash", entry.hash());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The entry as the UTF-8 bytes of one JSON line (without the newline), refused when longer than
     * {@link AuditLimits#MAX_LINE_BYTES}: the character limits of the fields do not bound the bytes,
     * because JSON escapes a control character to six, so the check is on what would be written.
     *
     * @throws CryptoFailure with {@code MALFORMED_INPUT} naming the sizes
     */
    public static byte[] toUtf8(AuditEntry entry) {
        byte[] bytes = toJson(entry).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > AuditLimits.MAX_LINE_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "audit entry " + entry.sequence() + " encodes to "
                    + bytes.length + " bytes of JSON, over the limit of " + AuditLimits.MAX_LINE_BYTES
                    + " (control characters are escaped to 6 bytes each); nothing was written");
        }
        return bytes;
    }

    /**
     * Parses one entry.
     *
     * @throws CryptoFailure with {@code MALFORMED_INPUT} naming the first problem
     */
    public static AuditEntry parse(byte[] utf8Json) {
        JsonNode root;
        try (JsonParser parser = MAPPER.getFactory().createParser(utf8Json)) {
            root = MAPPER.readTree(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed("not valid JSON (" + firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw malformed("not readable (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed("not a JSON object");
        }
        try {
            String type = text(root, "type");
            return switch (type) {
                case "record" -> record(root);
                case "checkpoint" -> checkpoint(root);
                default -> throw malformed("unknown type '" + type + "'");
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw malformed(e.getMessage());
        }
    }

    public static AuditEntry parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void common(JsonGenerator g, AuditEntry e) throws IOException {
        g.writeNumberField("sequence", e.sequence());
        g.writeStringField("time", e.time().toString());
    }

    private static AuditRecord record(JsonNode root) {
        onlyFields(root, RECORD_FIELDS);
        JsonNode detailsNode = root.get("details");
        if (detailsNode == null || !detailsNode.isObject()) {
            throw malformed("field 'details' missing or not an object");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = detailsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> d = it.next();
            if (!d.getValue().isTextual()) {
                throw malformed("details['" + d.getKey() + "'] is not a string");
            }
            details.put(d.getKey(), d.getValue().textValue());
        }
        String outcomeText = text(root, "outcome");
        AuditOutcome outcome = AuditOutcome.fromWire(outcomeText);
        if (outcome == null) {
            throw malformed("unknown outcome '" + outcomeText + "'");
        }
        return new AuditRecord(number(root, "sequence"), time(root), text(root, "actor"), text(root, "action"),
                text(root, "target"), outcome, details, text(root, "previous_hash"), text(root, "hash"));
    }

    private static AuditCheckpoint checkpoint(JsonNode root) {
        onlyFields(root, CHECKPOINT_FIELDS);
        String signatureText = text(root, "signature");
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureText);
        } catch (IllegalArgumentException e) {
            throw malformed("field 'signature' is not base64");
        }
        // The decoder ignores the spare bits of the last character; only the canonical text is accepted.
        if (!Base64.getEncoder().encodeToString(signature).equals(signatureText)) {
            throw malformed("field 'signature' is not canonical base64");
        }
        long version = number(root, "key_version");
        if (version > Integer.MAX_VALUE) {
            throw malformed("field 'key_version' too large");
        }
        return new AuditCheckpoint(number(root, "sequence"), time(root), text(root, "key_id"), (int) version,
                text(root, "key_fingerprint"), signature, text(root, "previous_hash"), text(root, "hash"));
    }

    private static void onlyFields(JsonNode root, Set<String> allowed) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw malformed("unexpected field '" + name + "'");
            }
        }
        for (String name : allowed) {
            if (!root.has(name)) {
                throw malformed("field '" + name + "' missing");
            }
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual()) {
            throw malformed("field '" + field + "' missing or not a string");
        }
        return n.textValue();
    }

    private static long number(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw malformed("field '" + field + "' missing or not an integer");
        }
        return n.longValue();
    }

    private static Instant time(JsonNode root) {
        try {
            return Instant.parse(text(root, "time"));
        } catch (DateTimeParseException e) {
            throw malformed("field 'time' is not an ISO-8601 instant");
        }
    }

    private static CryptoFailure malformed(String detail) {
        return new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "audit entry: " + detail);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
