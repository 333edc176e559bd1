package org.fenghuo.collectors.syslog.payload.cef;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.collectors.syslog.payload.DeviceTimes;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * CEF header and extension keys to ECS (after Elastic's CEF mapping). Keys without an ECS home,
 * and the custom fields {@code cs1..cs6}, {@code cn1..cn3}, {@code flexString1..2} with their
 * labels, go under {@code fenghuo.cef.<key>}.
 */
final class CefFields {

    /** Extension key to ECS name for the plain copies; the rest is handled in {@link #extension}. */
    private static final Map<String, String> DIRECT = Map.ofEntries(
            Map.entry("src", "source.ip"), Map.entry("dst", "destination.ip"),
            Map.entry("spt", "source.port"), Map.entry("dpt", "destination.port"),
            Map.entry("shost", "source.domain"), Map.entry("dhost", "destination.domain"),
            Map.entry("smac", "source.mac"), Map.entry("dmac", "destination.mac"),
            Map.entry("suser", "source.user.name"), Map.entry("duser", "destination.user.name"),
            Map.entry("suid", "source.user.id"), Map.entry("duid", "destination.user.id"),
            Map.entry("sntdom", "source.user.domain"),
            Map.entry("in", "source.bytes"), Map.entry("out", "destination.bytes"),
            Map.entry("act", "event.action"), Map.entry("request", "url.original"),
            Map.entry("requestMethod", "http.request.method"),
            Map.entry("requestClientApplication", "user_agent.original"),
            Map.entry("app", "network.protocol"), Map.entry("reason", "event.reason"),
            Map.entry("msg", "message"), Map.entry("dvc", "observer.ip"), Map.entry("dvchost", "observer.hostname"),
            Map.entry("deviceExternalId", "observer.serial_number"),
            Map.entry("sproc", "process.name"), Map.entry("spid", "process.pid"),
            Map.entry("fname", "file.name"), Map.entry("filePath", "file.path"), Map.entry("fsize", "file.size"),
            Map.entry("deviceInboundInterface", "observer.ingress.interface.name"),
            Map.entry("deviceOutboundInterface", "observer.egress.interface.name"),
            Map.entry("sourceTranslatedAddress", "source.nat.ip"), Map.entry("sourceTranslatedPort", "source.nat.port"),
            Map.entry("destinationTranslatedAddress", "destination.nat.ip"),
            Map.entry("destinationTranslatedPort", "destination.nat.port"),
            Map.entry("cnt", "event.count"));

    private CefFields() {
    }

    static void header(EcsFields f, List<String> h) {
        f.put("fenghuo.cef.version", h.get(0).trim());
        f.put("observer.vendor", h.get(1));
        f.put("observer.product", h.get(2));
        f.put("observer.version", h.get(3));
        f.put("event.code", h.get(4));
        f.put("message", h.get(5));
        f.put("fenghuo.cef.name", h.get(5));
        String severity = h.get(6).trim();
        Integer numeric = severity(severity);
        if (numeric != null) {
            f.put("event.severity", (long) numeric);
        }
        f.put("fenghuo.cef.severity", severity);
    }

    /** 0-10, or ArcSight's words (Unknown has no number). */
    static Integer severity(String s) {
        Long n = PayloadText.parseLong(s);
        if (n != null) {
            return n >= 0 && n <= 10 ? n.intValue() : null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "low" -> 3;
            case "medium" -> 6;
            case "high" -> 8;
            case "very-high", "very high", "veryhigh" -> 10;
            default -> null;
        };
    }

    static void extension(EcsFields f, String key, String value) {
        String ecs = DIRECT.get(key);
        if (ecs != null) {
            PayloadText.putEcs(f, ecs, value);
            if (key.equals("suser")) {
                f.putIfAbsent("user.name", value);
            }
            return;
        }
        switch (key) {
            case "proto" -> PayloadText.putTransport(f, value);
            case "outcome" -> {
                f.put("event.outcome", outcome(value));
                f.put("fenghuo.cef.outcome", value);
            }
            case "rt" -> time(f, "@timestamp", key, value);
            case "start" -> time(f, "event.start", key, value);
            case "end" -> time(f, "event.end", key, value);
            case "deviceDirection" -> f.put("network.direction",
                    "0".equals(value) ? "inbound" : "1".equals(value) ? "outbound" : null);
            default -> f.put("fenghuo.cef." + PayloadText.fieldName(key), value);
        }
    }

    private static String outcome(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith("succ") || v.equals("allow") || v.equals("allowed")) {
            return "success";
        }
        if (v.startsWith("fail") || v.equals("deny") || v.equals("denied") || v.equals("blocked")) {
            return "failure";
        }
        return "unknown";
    }

    private static void time(EcsFields f, String ecs, String key, String value) {
        Instant t = DeviceTimes.parse(value.trim());
        if (t != null) {
            f.put(ecs, t);
        } else {
            f.put("fenghuo.cef." + key, value);
        }
    }
}
