package org.fenghuo.detection.ioc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * STIX 2.1 (and 2.0) JSON: a bundle, a list of objects or one object. Every {@code indicator}
 * with {@code pattern_type: stix} (or none, as in 2.0) gives one {@link Indicator} per
 * comparison of its pattern that the index can answer (see {@link StixPattern}): paths
 * {@code ipv4-addr:value}, {@code ipv6-addr:value} (address or network), {@code domain-name:value},
 * {@code url:value}, {@code file:hashes.MD5/SHA-1/SHA-256/SHA-512}. In an OR pattern each
 * comparison alone is enough to match, so the usable ones are loaded and the others reported as
 * unsupported. Revoked indicators are skipped. Other object types are counted as skipped; an
 * identity's name becomes the producer of the indicators that reference it.
 */
public final class StixBundleLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StixBundleLoader() {
    }

    /** Never throws: a missing file or invalid JSON gives an empty result whose report says where. */
    public static LoadResult load(Path file, String source) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString(), source);
        } catch (IOException e) {
            return unreadable(source, file.toString(), "cannot read: " + e);
        }
    }

    public static LoadResult load(InputStream in, String fileName, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            return unreadable(source, fileName, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return unreadable(source, fileName, "cannot read: " + e);
        }
        LoadCollector out = new LoadCollector(source);
        List<JsonNode> objects = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(objects::add);
        } else if (root != null && root.isObject() && root.path("objects").isArray()) {
            root.get("objects").forEach(objects::add);
        } else if (root != null && root.isObject() && root.has("type")) {
            objects.add(root);
        } else {
            out.unreadable(LoadIssue.broken(fileName, 1, "not a STIX bundle, object list or object"));
            return out.result();
        }
        Map<String, String> identities = new HashMap<>();
        for (JsonNode o : objects) {
            if ("identity".equals(o.path("type").asText()) && o.hasNonNull("name")) {
                identities.put(o.path("id").asText(), o.get("name").asText());
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            String type = o.path("type").asText("");
            if (!type.equals("indicator")) {
                out.skip(type.isEmpty() ? "STIX object without type" : "STIX " + type);
                continue;
            }
            indicator(out, o, o.path("id").asText("objects[" + i + "]"), fileName, identities);
        }
        return out.result();
    }

    private static void indicator(LoadCollector out, JsonNode o, String id, String file, Map<String, String> identities) {
        if (o.path("revoked").asBoolean(false)) {
            out.skip("revoked");
            return;
        }
        String patternType = o.path("pattern_type").asText("stix");
        if (!patternType.equals("stix")) {
            out.issue(LoadIssue.unsupported(file, id, "pattern_type " + patternType));
            return;
        }
        if (!o.path("pattern").isTextual()) {
            out.issue(LoadIssue.brokenObject(file, id, "indicator without a pattern"));
            return;
        }
        Instant validFrom;
        Instant validUntil;
        Integer confidence;
        Instant created;
        try {
            created = instant(o, "created");
            validFrom = instant(o, "valid_from");
            validUntil = instant(o, "valid_until");
            confidence = confidence(o);
            if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
                throw new IllegalArgumentException("valid_until " + validUntil + " is not after valid_from " + validFrom);
            }
        } catch (IllegalArgumentException e) {
            out.issue(LoadIssue.brokenObject(file, id, e.getMessage()));
            return;
        }
        String pattern = o.get("pattern").asText();
        StixPattern.Result parsed = StixPattern.parse(pattern);
        if (!parsed.ok()) {
            out.issue(parsed.unsupported() ? LoadIssue.unsupported(file, id, parsed.error() + ": " + shorten(pattern))
                    : LoadIssue.brokenObject(file, id, parsed.error()));
            return;
        }
        String createdBy = o.path("created_by_ref").asText(null);
        String producer = createdBy == null ? null : identities.getOrDefault(createdBy, createdBy);
        List<String> labels = new ArrayList<>();
        o.path("indicator_types").forEach(t -> labels.add(t.asText()));
        o.path("labels").forEach(t -> labels.add(t.asText()));
        String name = o.path("name").asText(null);
        for (StixPattern.Comparison c : parsed.comparisons()) {
            IndicatorType type = typeOf(c.path());
            if (type == null) {
                out.issue(LoadIssue.unsupported(file, id, "no index for " + c.path()));
                continue;
            }
            IndicatorValues.Checked value = IndicatorValues.as(type, c.value());
            if (!value.ok()) {
                out.issue(LoadIssue.brokenObject(file, id, c.path() + ": " + value.error()));
                continue;
            }
            out.add(new Indicator(value.type(), value.value(), out.source(), id, name, confidence, validFrom,
                    validUntil, created,
                    producer, labels, file, 0));
        }
    }

    /** The index that answers an object path, null when none does. */
    static IndicatorType typeOf(String path) {
        switch (path) {
            case "ipv4-addr:value":
                return IndicatorType.IPV4;
            case "ipv6-addr:value":
                return IndicatorType.IPV6;
            case "domain-name:value":
                return IndicatorType.DOMAIN;
            case "url:value":
                return IndicatorType.URL;
            default:
                break;
        }
        if (!path.startsWith("file:hashes.")) {
            return null;
        }
        String algorithm = path.substring("file:hashes.".length()).replace("'", "").replace("-", "")
                .toUpperCase(Locale.ROOT);
        return switch (algorithm) {
            case "MD5" -> IndicatorType.MD5;
            case "SHA1" -> IndicatorType.SHA1;
            case "SHA256" -> IndicatorType.SHA256;
            case "SHA512" -> IndicatorType.SHA512;
            default -> null;
        };
    }

    private static Instant instant(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": not an RFC 3339 timestamp: \"" + shorten(v.asText()) + "\"");
        }
    }

    private static Integer confidence(JsonNode o) {
        JsonNode v = o.get("confidence");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 100) {
            throw new IllegalArgumentException("confidence: expected an integer 0-100, got " + shorten(v.toString()));
        }
        return v.asInt();
    }

    private static LoadResult unreadable(String source, String file, String reason) {
        return unreadable(source, file, 0, reason);
    }

    private static LoadResult unreadable(String source, String file, long line, String reason) {
        LoadCollector out = new LoadCollector(source);
        out.unreadable(LoadIssue.broken(file, line, reason));
        return out.result();
    }

    private static String shorten(String s) {
        return IndicatorValues.shorten(s);
    }
}
