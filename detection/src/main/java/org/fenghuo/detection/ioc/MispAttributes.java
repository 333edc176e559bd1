package org.fenghuo.detection.ioc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one MISP event's attributes (and its objects' attributes) into indicators.
 *
 * <p>Types: {@code ip-src}, {@code ip-dst} (address or network), {@code ip-src|port},
 * {@code ip-dst|port}, {@code domain}, {@code hostname}, {@code hostname|port}, {@code domain|ip}
 * (both halves), {@code url} (a URL without scheme is read as {@code http://}), {@code md5},
 * {@code sha1}, {@code sha256}, {@code sha512}, {@code filename|md5} and the other
 * {@code filename|<hash>}, {@code malware-sample} (filename|md5).
 *
 * <p>Confidence: an {@code osint:certainty="N"} tag on the attribute or event, else the event's
 * {@code threat_level_id} (1 high: 75, 2 medium: 50, 3 low: 25, 4 undefined: unknown).
 */
final class MispAttributes {
    private static final Pattern CERTAINTY = Pattern.compile("osint:certainty=\"?(\\d{1,3})\"?");

    private final LoadCollector out;
    private final boolean idsOnly;

    MispAttributes(LoadCollector out, boolean idsOnly) {
        this.out = out;
        this.idsOnly = idsOnly;
    }

    void notAnEvent(String file, String where) {
        out.issue(LoadIssue.brokenObject(file, where, "not a MISP event (no Event, Attribute, Object or info)"));
    }

    void event(JsonNode event, String file) {
        EventContext ctx = new EventContext(event.path("uuid").asText(event.path("id").asText(null)),
                event.path("info").asText(null), event.path("Orgc").path("name").asText(null),
                eventConfidence(event), tags(event, new ArrayList<>()));
        for (JsonNode a : event.path("Attribute")) {
            attribute(a, ctx, file);
        }
        for (JsonNode o : event.path("Object")) {
            if (o.path("deleted").asBoolean(false)) {
                out.skip("deleted");
                continue;
            }
            for (JsonNode a : o.path("Attribute")) {
                attribute(a, ctx, file);
            }
        }
    }

    private record EventContext(String id, String info, String org, Integer confidence, List<String> tags) {
    }

    private void attribute(JsonNode a, EventContext ctx, String file) {
        String type = a.path("type").asText("");
        String id = a.path("uuid").asText(a.path("id").asText(null));
        String where = (ctx.id() == null ? "" : ctx.id() + "/") + (id == null ? "attribute" : id);
        if (a.path("deleted").asBoolean(false)) {
            out.skip("deleted");
            return;
        }
        if (idsOnly && !a.path("to_ids").asBoolean(false)) {
            out.skip("to_ids=false");
            return;
        }
        if (!a.path("value").isValueNode() || a.path("value").asText().isEmpty()) {
            out.issue(LoadIssue.brokenObject(file, where, "attribute without a value"));
            return;
        }
        String value = a.path("value").asText();
        List<String> labels = new ArrayList<>(ctx.tags());
        if (a.hasNonNull("category")) {
            labels.add(a.get("category").asText());
        }
        tags(a, labels);
        Integer confidence = certainty(labels, ctx.confidence());
        Instant created = epochSeconds(a.path("timestamp"));
        for (Part part : parts(type, value)) {
            if (part.type == null) {
                out.skip("MISP type " + (type.isEmpty() ? "(none)" : type));
                return;
            }
            IndicatorValues.Checked checked = IndicatorValues.as(part.type, part.value);
            if (!checked.ok()) {
                out.issue(LoadIssue.brokenObject(file, where, type + ": " + checked.error()));
                continue;
            }
            out.add(new Indicator(checked.type(), checked.value(), out.source(), id, ctx.info(), confidence, null, null,
                    created, ctx.org(), labels, file, 0));
        }
    }

    private record Part(IndicatorType type, String value) {
    }

    private static List<Part> parts(String type, String value) {
        int bar = value.indexOf('|');
        String left = bar < 0 ? value : value.substring(0, bar);
        String right = bar < 0 ? "" : value.substring(bar + 1);
        return switch (type) {
            case "ip-src", "ip-dst" -> List.of(new Part(IndicatorType.IPV4, value));
            case "ip-src|port", "ip-dst|port" -> List.of(new Part(IndicatorType.IPV4, left));
            case "domain", "hostname" -> List.of(new Part(IndicatorType.DOMAIN, value));
            case "hostname|port" -> List.of(new Part(IndicatorType.DOMAIN, left));
            case "domain|ip" -> List.of(new Part(IndicatorType.DOMAIN, left), new Part(IndicatorType.IPV4, right));
            case "url" -> List.of(new Part(IndicatorType.URL, value.contains("://") ? value : "http://" + value));
            case "md5" -> List.of(new Part(IndicatorType.MD5, value));
            case "sha1" -> List.of(new Part(IndicatorType.SHA1, value));
            case "sha256" -> List.of(new Part(IndicatorType.SHA256, value));
            case "sha512" -> List.of(new Part(IndicatorType.SHA512, value));
            case "filename|md5", "malware-sample" -> List.of(new Part(IndicatorType.MD5, right));
            case "filename|sha1" -> List.of(new Part(IndicatorType.SHA1, right));
            case "filename|sha256" -> List.of(new Part(IndicatorType.SHA256, right));
            case "filename|sha512" -> List.of(new Part(IndicatorType.SHA512, right));
            default -> List.of(new Part(null, value));
        };
    }

    private static Integer eventConfidence(JsonNode event) {
        return switch (event.path("threat_level_id").asText("")) {
            case "1" -> 75;
            case "2" -> 50;
            case "3" -> 25;
            default -> null;
        };
    }

    private static Integer certainty(List<String> labels, Integer fallback) {
        for (int i = labels.size() - 1; i >= 0; i--) {
            Matcher m = CERTAINTY.matcher(labels.get(i));
            if (m.matches()) {
                return Math.min(100, Integer.parseInt(m.group(1)));
            }
        }
        return fallback;
    }

    private static List<String> tags(JsonNode node, List<String> into) {
        for (JsonNode t : node.path("Tag")) {
            if (t.hasNonNull("name")) {
                into.add(t.get("name").asText());
            }
        }
        return into;
    }

    private static Instant epochSeconds(JsonNode v) {
        String s = v.asText("");
        return s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 12 ? null
                : Instant.ofEpochSecond(Long.parseLong(s));
    }
}
