package org.fenghuo.collectors.syslog.payload.fortigate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.collectors.syslog.payload.DeviceTimes;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.KvScanner;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.fenghuo.collectors.syslog.payload.PayloadText;

/**
 * FortiOS syslog: {@code date= time= devname= devid= logid= type= subtype= level= ...} key=value
 * pairs, values quoted when they hold spaces. Recognised by {@code logid=} together with
 * {@code devid=} or {@code devname=}. Traffic logs are network connections (allowed or denied
 * by {@code action}); event logs of subtype user/vpn with a login action are authentication;
 * UTM logs are intrusion detection, malware or web. Keys without an ECS home go to
 * {@code fenghuo.fortigate.<key>}.
 */
public final class FortiGateParser implements PayloadParser {

    public static final String NAME = "fortigate";
    public static final int MAX_PAIRS = 256;

    private static final Map<String, String> DIRECT = Map.ofEntries(
            Map.entry("srcip", "source.ip"), Map.entry("srcport", "source.port"),
            Map.entry("dstip", "destination.ip"), Map.entry("dstport", "destination.port"),
            Map.entry("srcmac", "source.mac"), Map.entry("dstmac", "destination.mac"),
            Map.entry("sentbyte", "source.bytes"), Map.entry("rcvdbyte", "destination.bytes"),
            Map.entry("sentpkt", "source.packets"), Map.entry("rcvdpkt", "destination.packets"),
            Map.entry("transip", "source.nat.ip"), Map.entry("transport", "source.nat.port"),
            Map.entry("tranip", "destination.nat.ip"), Map.entry("tranport", "destination.nat.port"),
            Map.entry("devname", "observer.hostname"), Map.entry("devid", "observer.serial_number"),
            Map.entry("srcintf", "observer.ingress.interface.name"), Map.entry("dstintf", "observer.egress.interface.name"),
            Map.entry("logid", "event.code"), Map.entry("level", "log.level"), Map.entry("action", "event.action"),
            Map.entry("policyid", "rule.id"), Map.entry("policyname", "rule.name"), Map.entry("user", "user.name"),
            Map.entry("group", "user.group.name"), Map.entry("app", "network.application"),
            Map.entry("hostname", "url.domain"), Map.entry("url", "url.original"), Map.entry("msg", "message"),
            Map.entry("reason", "event.reason"), Map.entry("srcname", "source.domain"),
            Map.entry("attack", "rule.name"), Map.entry("attackid", "rule.id"), Map.entry("virus", "rule.name"),
            Map.entry("agent", "user_agent.original"), Map.entry("method", "http.request.method"));

    private final KvScanner scanner = new KvScanner((char) 0, MAX_PAIRS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        String msg = input.message();
        int logid = msg.indexOf("logid=");
        if (logid < 0 || msg.indexOf("devid=") < 0 && msg.indexOf("devname=") < 0) {
            return PayloadResult.NOT_MINE;
        }
        Map<String, String> kv = new HashMap<>();
        EcsFields f = new EcsFields();
        KvScanner.Result r = scanner.scan(msg, 0, (k, v) -> {
            kv.put(k, v);
            pair(f, k, v);
        });
        if (!kv.containsKey("logid")) {
            return new PayloadResult.Malformed("FortiGate log without a readable logid= pair");
        }
        f.put("observer.vendor", "Fortinet");
        f.put("observer.product", "FortiGate");
        f.put("observer.type", "firewall");
        time(f, kv);
        categorise(f, kv);
        if (r.dropped() > 0) {
            f.put("fenghuo.fortigate.pairs_dropped", (long) r.dropped());
        }
        return new PayloadResult.Parsed(f);
    }

    private static void pair(EcsFields f, String key, String value) {
        String ecs = DIRECT.get(key);
        if (ecs != null) {
            // two keys for one ECS field (policyid and attackid for rule.id): the first wins, the other is kept aside
            PayloadText.putEcs(f, f.get(ecs) == null ? ecs : "fenghuo.fortigate." + key, value);
            return;
        }
        switch (key) {
            case "proto" -> {
                f.put("network.iana_number", value);
                f.put("network.transport", PayloadText.transport(value));
            }
            case "service" -> f.put("network.protocol", value.toLowerCase(Locale.ROOT));
            case "duration" -> {
                Long s = PayloadText.parseLong(value);
                f.put("event.duration", s == null ? null : s * 1_000_000_000L);
                f.put("fenghuo.fortigate.duration", value);
            }
            case "date", "time", "tz", "eventtime" -> f.put("fenghuo.fortigate." + key, value);
            default -> f.put("fenghuo.fortigate." + PayloadText.fieldName(key), PayloadText.number(value));
        }
    }

    /** eventtime (epoch s/ms/us/ns, FortiOS 6.2+) wins over date + time + tz. */
    private static void time(EcsFields f, Map<String, String> kv) {
        Instant t = kv.containsKey("eventtime") ? DeviceTimes.parse(kv.get("eventtime")) : null;
        if (t == null) {
            t = DeviceTimes.parse(kv.get("date"), kv.get("time"), kv.get("tz"));
        }
        f.put("@timestamp", t);
    }

    private static void categorise(EcsFields f, Map<String, String> kv) {
        String type = lower(kv.get("type"));
        String subtype = lower(kv.get("subtype"));
        String action = lower(kv.get("action"));
        String status = lower(kv.get("status"));
        switch (type) {
            case "traffic" -> {
                f.put("event.category", List.of("network"));
                boolean denied = isDenied(action);
                f.put("event.type", List.of("connection", denied ? "denied" : "allowed"));
                f.put("event.outcome", action.isEmpty() ? null : denied ? "failure" : "success");
            }
            case "event" -> {
                if (("user".equals(subtype) || "vpn".equals(subtype) || "system".equals(subtype))
                        && (action.contains("login") || action.contains("logon") || action.contains("auth")
                        || action.equals("tunnel-up"))) {
                    f.put("event.category", List.of("authentication"));
                    f.put("event.type", List.of("start"));
                    f.put("event.outcome", outcomeOfStatus(status, action));
                } else {
                    f.put("event.category", List.of("host"));
                    f.put("event.type", List.of("info"));
                }
            }
            case "utm", "attack", "virus", "webfilter", "ips", "anomaly" -> {
                String kind = subtype.isEmpty() ? type : subtype;
                f.put("event.category", List.of(switch (kind) {
                    case "virus" -> "malware";
                    case "webfilter", "app-ctrl" -> "web";
                    default -> "intrusion_detection";
                }));
                boolean denied = isDenied(action);
                f.put("event.type", List.of(denied ? "denied" : "info"));
                f.put("event.outcome", action.isEmpty() ? null : denied ? "failure" : "success");
            }
            default -> {
            }
        }
    }

    private static boolean isDenied(String action) {
        return switch (action) {
            case "deny", "block", "blocked", "dropped", "drop", "reset", "reject" -> true;
            default -> false;
        };
    }

    private static String outcomeOfStatus(String status, String action) {
        if (status.equals("success") || action.endsWith("success")) {
            return "success";
        }
        if (status.startsWith("fail") || status.equals("negotiate_error") || action.contains("fail")) {
            return "failure";
        }
        return "unknown";
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
