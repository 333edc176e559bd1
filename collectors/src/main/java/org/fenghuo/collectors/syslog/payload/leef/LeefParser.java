package org.fenghuo.collectors.syslog.payload.leef;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fenghuo.collectors.syslog.payload.DeviceTimes;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.SignatureParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * IBM QRadar Log Event Extended Format. 1.0: {@code LEEF:1.0|Vendor|Product|Version|EventID|} then
 * tab-separated {@code key=value}; 2.0 adds a delimiter field after EventID: one character, or its
 * hex code ({@code x09}, {@code 0x5E}); empty means tab. {@code devTime} is read with
 * {@code devTimeFormat} when given. Predefined keys map to ECS, others to {@code fenghuo.leef.<key>}.
 */
public final class LeefParser extends SignatureParser {

    public static final String NAME = "leef";
    public static final int MAX_PAIRS = 512;
    private static final String SIGNATURE = "LEEF:";
    private static final int MAX_FORMATS = 64;

    private static final Map<String, String> DIRECT = Map.ofEntries(
            Map.entry("src", "source.ip"), Map.entry("dst", "destination.ip"),
            Map.entry("srcPort", "source.port"), Map.entry("dstPort", "destination.port"),
            Map.entry("srcMAC", "source.mac"), Map.entry("dstMAC", "destination.mac"),
            Map.entry("srcPostNAT", "source.nat.ip"), Map.entry("dstPostNAT", "destination.nat.ip"),
            Map.entry("srcPostNATPort", "source.nat.port"), Map.entry("dstPostNATPort", "destination.nat.port"),
            Map.entry("srcBytes", "source.bytes"), Map.entry("dstBytes", "destination.bytes"),
            Map.entry("srcPackets", "source.packets"), Map.entry("dstPackets", "destination.packets"),
            Map.entry("totalPackets", "network.packets"), Map.entry("usrName", "user.name"),
            Map.entry("accountName", "user.name"), Map.entry("domain", "user.domain"),
            Map.entry("identHostName", "host.hostname"), Map.entry("url", "url.original"),
            Map.entry("policy", "rule.name"), Map.entry("action", "event.action"), Map.entry("msg", "message"));

    private final Map<String, DateTimeFormatter> formats = new ConcurrentHashMap<>();

    public LeefParser() {
        super(NAME, SIGNATURE);
    }

    @Override
    protected PayloadResult parseFrom(String text) {
        int i = SIGNATURE.length();
        String[] header = new String[6];
        int fields = 0;
        int headerFields = 5;
        while (fields < headerFields) {
            int bar = text.indexOf('|', i);
            if (bar < 0) {
                return new PayloadResult.Malformed("LEEF header has " + fields + " of its '|'-separated fields"
                        + " (version, vendor, product, version, event id" + (headerFields == 6 ? ", delimiter)" : ")"));
            }
            header[fields++] = text.substring(i, bar);
            i = bar + 1;
            if (fields == 1) {
                String v = header[0].trim();
                if (v.startsWith("2")) {
                    headerFields = 6;
                } else if (!v.startsWith("1")) {
                    return new PayloadResult.Malformed("LEEF version '" + v + "' is neither 1.0 nor 2.0");
                }
            }
        }
        char delimiter = '\t';
        if (headerFields == 6) {
            Character d = delimiter(header[5]);
            if (d == null) {
                return new PayloadResult.Malformed("LEEF 2.0 delimiter '" + header[5] + "' is neither one character nor a hex code");
            }
            delimiter = d;
        }
        EcsFields f = new EcsFields();
        f.put("fenghuo.leef.version", header[0].trim());
        f.put("observer.vendor", header[1]);
        f.put("observer.product", header[2]);
        f.put("observer.version", header[3]);
        f.put("event.code", header[4]);
        attributes(f, text, i, delimiter);
        return new PayloadResult.Parsed(f);
    }

    /** {@code ^}, {@code x5E}, {@code 0x5E}, or empty for tab; null for anything else. */
    public static Character delimiter(String field) {
        String d = field;
        if (d.isEmpty()) {
            return '\t';
        }
        if (d.length() == 1) {
            return d.charAt(0);
        }
        String hex = d.startsWith("0x") || d.startsWith("0X") ? d.substring(2) : d.startsWith("x") || d.startsWith("X")
                ? d.substring(1) : null;
        if (hex == null || hex.isEmpty() || hex.length() > 4) {
            return null;
        }
        try {
            return (char) Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void attributes(EcsFields f, String text, int from, char delimiter) {
        String devTime = null;
        String devTimeFormat = null;
        int pairs = 0;
        int dropped = 0;
        int i = from;
        int n = text.length();
        while (i < n) {
            int end = text.indexOf(delimiter, i);
            if (end < 0) {
                end = n;
            }
            int eq = text.indexOf('=', i);
            if (eq > i && eq < end) {
                if (pairs++ >= MAX_PAIRS) {
                    dropped++;
                } else {
                    String key = text.substring(i, eq).trim();
                    String value = text.substring(eq + 1, end);
                    switch (key) {
                        case "devTime" -> devTime = value;
                        case "devTimeFormat" -> devTimeFormat = value;
                        default -> attribute(f, key, value);
                    }
                }
            }
            i = end + 1;
        }
        if (devTime != null) {
            Instant t = devTime(devTime, devTimeFormat);
            if (t != null) {
                f.put("@timestamp", t);
            } else {
                f.put("fenghuo.leef.devTime", devTime);
                f.put("fenghuo.leef.devTimeFormat", devTimeFormat);
            }
        }
        if (dropped > 0) {
            f.put("fenghuo.leef.pairs_dropped", (long) dropped);
        }
    }

    private static void attribute(EcsFields f, String key, String value) {
        String ecs = DIRECT.get(key);
        if (ecs != null) {
            PayloadText.putEcs(f, ecs, value);
            return;
        }
        switch (key) {
            case "proto" -> PayloadText.putTransport(f, value);
            case "sev" -> {
                Long sev = PayloadText.parseLong(value);
                f.put("event.severity", sev != null && sev >= 0 && sev <= 10 ? sev : null);
                f.put("fenghuo.leef.sev", value);
            }
            case "cat" -> f.put("fenghuo.leef.cat", value);
            default -> f.put("fenghuo.leef." + PayloadText.fieldName(key), value);
        }
    }

    private Instant devTime(String value, String format) {
        if (format == null || format.isBlank()) {
            return DeviceTimes.parse(value);
        }
        DateTimeFormatter formatter = formatter(format);
        if (formatter == null) {
            return DeviceTimes.parse(value);
        }
        try {
            var parsed = formatter.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) parsed).atZone(DeviceTimes.localZone()).toInstant();
        } catch (RuntimeException e) {
            return DeviceTimes.parse(value);
        }
    }

    /** devTimeFormat is a Java date pattern; formatters are kept (bounded) since a device always sends the same. */
    private DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter cached = formats.get(pattern);
        if (cached != null) {
            return cached;
        }
        DateTimeFormatter built;
        try {
            built = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (formats.size() < MAX_FORMATS) {
            formats.put(pattern, built);
        }
        return built;
    }
}
