package org.fenghuo.collectors.syslog.payload.paloalto;

import java.util.List;
import java.util.Locale;
import org.fenghuo.collectors.syslog.payload.Csv;
import org.fenghuo.collectors.syslog.payload.DeviceTimes;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * PAN-OS syslog in its default CSV layout (PAN-OS 10/11 "Syslog Field Descriptions"), TRAFFIC and
 * THREAT logs: columns 0-30 are shared (receive time, serial, type, subtype, generated time,
 * addresses, NAT, rule, users, application, zones, interfaces, session, ports, protocol,
 * action); TRAFFIC continues with bytes, packets, start time, elapsed time, category, ..., session
 * end reason; THREAT with URL/filename, threat id, category, severity, direction. Times carry no
 * zone in this format and are read as UTC. Other log types (SYSTEM, CONFIG, ...) are not claimed.
 */
public final class PanOsParser implements PayloadParser {

    public static final String NAME = "paloalto";
    private static final int MAX_COLUMNS = 256;
    /** Columns before TRAFFIC/THREAT-specific ones; fewer is malformed. */
    private static final int SHARED = 31;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        String msg = input.message();
        int at = PayloadText.indexWithin(msg, ",TRAFFIC,", 80);
        boolean traffic = at >= 0;
        if (!traffic) {
            at = PayloadText.indexWithin(msg, ",THREAT,", 80);
            if (at < 0) {
                return PayloadResult.NOT_MINE;
            }
        }
        // the record starts 3 columns before the type: FUTURE_USE, receive time, serial
        int start = startOfRecord(msg, at);
        if (start < 0) {
            return PayloadResult.NOT_MINE;
        }
        List<String> c = Csv.split(msg, start, MAX_COLUMNS);
        if (c == null) {
            return new PayloadResult.Malformed("PAN-OS CSV has an unclosed quote or more than " + MAX_COLUMNS + " columns");
        }
        if (c.size() < SHARED + 4) {
            return new PayloadResult.Malformed("PAN-OS " + (traffic ? "TRAFFIC" : "THREAT") + " log has " + c.size()
                    + " columns, fewer than the " + (SHARED + 4) + " of its layout");
        }
        EcsFields f = new EcsFields();
        shared(f, c);
        if (traffic) {
            traffic(f, c);
        } else {
            threat(f, c);
        }
        return new PayloadResult.Parsed(f);
    }

    /** Index of column 0, given the index of ",TYPE,": three commas back. */
    private static int startOfRecord(String msg, int typeComma) {
        int i = typeComma;
        for (int commas = 0; commas < 2; commas++) {
            i = msg.lastIndexOf(',', i - 1);
            if (i < 0) {
                return -1;
            }
        }
        // column 0 (FUTURE_USE) begins after the last space before it: a relay header may precede it
        int space = msg.lastIndexOf(' ', i - 1);
        int comma = msg.lastIndexOf(',', i - 1);
        int begin = Math.max(space, comma) + 1;
        return comma > space ? -1 : begin;
    }

    private static void shared(EcsFields f, List<String> c) {
        f.put("observer.vendor", "Palo Alto Networks");
        f.put("observer.product", "PAN-OS");
        f.put("observer.type", "firewall");
        f.put("observer.serial_number", c.get(2));
        f.put("fenghuo.paloalto.type", c.get(3));
        f.put("fenghuo.paloalto.subtype", c.get(4));
        putTime(f, "@timestamp", c.get(6));
        f.put("fenghuo.paloalto.receive_time", c.get(1));
        f.put("source.ip", c.get(7));
        f.put("destination.ip", c.get(8));
        f.put("source.nat.ip", c.get(9));
        f.put("destination.nat.ip", c.get(10));
        f.put("rule.name", c.get(11));
        f.put("source.user.name", c.get(12));
        f.put("user.name", c.get(12));
        f.put("destination.user.name", c.get(13));
        f.put("network.application", c.get(14));
        f.put("fenghuo.paloalto.vsys", c.get(15));
        f.put("observer.ingress.zone", c.get(16));
        f.put("observer.egress.zone", c.get(17));
        f.put("observer.ingress.interface.name", c.get(18));
        f.put("observer.egress.interface.name", c.get(19));
        f.put("fenghuo.paloalto.log_action", c.get(20));
        f.put("fenghuo.paloalto.session_id", PayloadText.number(c.get(22)));
        f.put("fenghuo.paloalto.repeat_count", PayloadText.number(c.get(23)));
        f.put("source.port", PayloadText.number(c.get(24)));
        f.put("destination.port", PayloadText.number(c.get(25)));
        f.put("source.nat.port", PayloadText.number(c.get(26)));
        f.put("destination.nat.port", PayloadText.number(c.get(27)));
        f.put("fenghuo.paloalto.flags", c.get(28));
        PayloadText.putTransport(f, c.get(29));
        f.put("event.action", c.get(30));
        String action = c.get(30).toLowerCase(Locale.ROOT);
        boolean allowed = action.equals("allow") || action.equals("alert");
        f.put("event.outcome", action.isEmpty() ? null : allowed ? "success" : "failure");
    }

    private static void traffic(EcsFields f, List<String> c) {
        f.put("event.category", List.of("network"));
        String action = c.get(30).toLowerCase(Locale.ROOT);
        String subtype = c.get(4).toLowerCase(Locale.ROOT);
        f.put("event.type", List.of("connection", subtype.equals("start") ? "start" : subtype.equals("end") ? "end"
                : "info", action.equals("allow") ? "allowed" : "denied"));
        f.put("network.bytes", PayloadText.number(c.get(31)));
        f.put("source.bytes", PayloadText.number(c.get(32)));
        f.put("destination.bytes", PayloadText.number(c.get(33)));
        f.put("network.packets", PayloadText.number(col(c, 34)));
        putTime(f, "event.start", col(c, 35));
        Long elapsed = PayloadText.parseLong(col(c, 36));
        f.put("event.duration", elapsed == null ? null : elapsed * 1_000_000_000L);
        f.put("fenghuo.paloalto.url_category", col(c, 37));
        f.put("fenghuo.paloalto.sequence_number", col(c, 39));
        f.put("source.geo.name", col(c, 41));
        f.put("destination.geo.name", col(c, 42));
        f.put("source.packets", PayloadText.number(col(c, 44)));
        f.put("destination.packets", PayloadText.number(col(c, 45)));
        f.put("event.reason", col(c, 46));
    }

    private static void threat(EcsFields f, List<String> c) {
        String subtype = c.get(4).toLowerCase(Locale.ROOT);
        f.put("event.category", List.of(switch (subtype) {
            case "virus", "wildfire", "wildfire-virus", "spyware" -> "malware";
            case "url" -> "web";
            default -> "intrusion_detection";
        }));
        f.put("event.type", List.of(c.get(30).equalsIgnoreCase("alert") || c.get(30).equalsIgnoreCase("allow")
                ? "info" : "denied"));
        String misc = c.get(31);
        if (subtype.equals("url")) {
            f.put("url.original", misc);
        } else {
            f.put("file.name", misc);
        }
        String threat = c.get(32);
        f.put("rule.id", threatId(threat));
        f.put("rule.name", threatName(threat) != null ? threatName(threat) : c.get(11));
        f.put("fenghuo.paloalto.rule", c.get(11));
        f.put("fenghuo.paloalto.threat", threat);
        f.put("fenghuo.paloalto.category", c.get(33));
        String severity = c.get(34).toLowerCase(Locale.ROOT);
        f.put("fenghuo.paloalto.severity", c.get(34));
        f.put("event.severity", switch (severity) {
            case "informational" -> 1L;
            case "low" -> 2L;
            case "medium" -> 3L;
            case "high" -> 4L;
            case "critical" -> 5L;
            default -> null;
        });
        f.put("network.direction", switch (c.get(35)) {
            case "client-to-server" -> "outbound";
            case "server-to-client" -> "inbound";
            default -> null;
        });
        f.put("fenghuo.paloalto.direction", c.get(35));
        f.put("fenghuo.paloalto.sequence_number", col(c, 36));
        f.put("source.geo.name", col(c, 38));
        f.put("destination.geo.name", col(c, 39));
        f.put("fenghuo.paloalto.content_type", col(c, 41));
        f.put("user_agent.original", col(c, 46));
        f.put("http.request.referrer", col(c, 49));
    }

    /** "name(1234)" or "Name:... (1234)" to 1234. */
    private static String threatId(String t) {
        int open = t.lastIndexOf('(');
        int close = t.lastIndexOf(')');
        return open >= 0 && close > open + 1 ? t.substring(open + 1, close) : null;
    }

    private static String threatName(String t) {
        int open = t.lastIndexOf('(');
        return open > 0 ? t.substring(0, open).trim() : null;
    }

    private static String col(List<String> c, int i) {
        return i < c.size() ? c.get(i) : null;
    }

    private static void putTime(EcsFields f, String name, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        var t = DeviceTimes.parse(text);
        f.put(t != null ? name : "fenghuo.paloalto." + name.replace('.', '_') + "_text", t != null ? t : text);
    }
}
