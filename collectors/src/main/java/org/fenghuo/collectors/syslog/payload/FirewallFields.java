package org.fenghuo.collectors.syslog.payload;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Session and policy field names of the Chinese firewall families (Huawei USG {@code source-ip},
 * {@code SourceIP}; H3C {@code SrcIPAddr}) to ECS, matched case- and punctuation-insensitively
 * ({@code source-ip}, {@code SourceIP} and {@code source_ip} are one key).
 */
public final class FirewallFields {

    private static final Map<String, String> ECS = Map.ofEntries(
            Map.entry("sourceip", "source.ip"), Map.entry("srcip", "source.ip"), Map.entry("srcipaddr", "source.ip"),
            Map.entry("sourceport", "source.port"), Map.entry("srcport", "source.port"),
            Map.entry("destinationip", "destination.ip"), Map.entry("dstip", "destination.ip"),
            Map.entry("dstipaddr", "destination.ip"), Map.entry("destinationport", "destination.port"),
            Map.entry("dstport", "destination.port"),
            Map.entry("sourcenatip", "source.nat.ip"), Map.entry("natsrcipaddr", "source.nat.ip"),
            Map.entry("sourcenatport", "source.nat.port"), Map.entry("natsrcport", "source.nat.port"),
            Map.entry("destinationnatip", "destination.nat.ip"), Map.entry("natdstipaddr", "destination.nat.ip"),
            Map.entry("destinationnatport", "destination.nat.port"), Map.entry("natdstport", "destination.nat.port"),
            Map.entry("sourcezone", "observer.ingress.zone"), Map.entry("srczonename", "observer.ingress.zone"),
            Map.entry("destinationzone", "observer.egress.zone"), Map.entry("dstzonename", "observer.egress.zone"),
            Map.entry("rulename", "rule.name"), Map.entry("policyname", "rule.name"),
            Map.entry("securitypolicy", "rule.name"), Map.entry("ruleid", "rule.id"),
            Map.entry("user", "user.name"), Map.entry("username", "user.name"),
            Map.entry("application", "network.application"), Map.entry("applicationname", "network.application"),
            Map.entry("sendbytes", "source.bytes"), Map.entry("initbytecount", "source.bytes"),
            Map.entry("rcvbytes", "destination.bytes"), Map.entry("rplybytecount", "destination.bytes"),
            Map.entry("sendpkts", "source.packets"), Map.entry("initpktcount", "source.packets"),
            Map.entry("rcvpkts", "destination.packets"), Map.entry("rplypktcount", "destination.packets"),
            Map.entry("closereason", "event.reason"), Map.entry("ip", "source.ip"), Map.entry("command", "process.command_line"));

    private FirewallFields() {
    }

    /**
     * Puts one pair: into its ECS field when known (a second value for a field already set is kept
     * under {@code fenghuo.<parser>.<key>}), else under {@code fenghuo.<parser>.<key>}.
     */
    public static void put(EcsFields f, String parser, String key, String value) {
        String normal = normalise(key);
        if (normal.equals("protocol")) {
            PayloadText.putTransport(f, value);
            return;
        }
        String ecs = ECS.get(normal);
        String name = ecs != null && f.get(ecs) == null ? ecs : "fenghuo." + parser + "." + PayloadText.fieldName(key);
        PayloadText.putEcs(f, name, value);
    }

    /** Network connection fields: category network, type connection + allowed/denied/end, outcome. */
    public static void connection(EcsFields f, String phase, boolean denied) {
        f.put("event.category", List.of("network"));
        f.put("event.type", phase == null ? List.of("connection", denied ? "denied" : "allowed")
                : List.of("connection", phase));
        f.put("event.outcome", denied ? "failure" : "success");
    }

    static String normalise(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
