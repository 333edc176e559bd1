package org.fenghuo.correlation.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fenghuo.events.SecurityEvent;

/**
 * A day and a half of a small network's flows, logins, DNS and Modbus, with one of each attack the
 * default anomaly detectors look for: a horizontal and a vertical scan, SSH brute force then a
 * success, a Modbus write, a beacon, DNS tunnelling, an egress burst after a quiet baseline.
 */
final class AnomalyScenario {
    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    static final long MINUTE = 60_000;

    private final List<SecurityEvent> events = new ArrayList<>();
    private final Random random = new Random(7);
    private int n;

    static List<SecurityEvent> inOrder() {
        AnomalyScenario s = new AnomalyScenario();
        s.baseline();
        long attack = 34 * 60 * MINUTE;
        s.horizontalScan(attack);
        s.verticalScan(attack + 5 * MINUTE);
        s.bruteForce(attack + 10 * MINUTE);
        s.modbusWrites(attack + 20 * MINUTE);
        s.beacon(attack - 2 * 60 * MINUTE);
        s.dnsTunnel(attack + 30 * MINUTE);
        s.egressBurst(attack + 40 * MINUTE);
        s.events.sort(Comparator.comparing(SecurityEvent::timestamp).thenComparing(e -> e.event().id()));
        return s.events;
    }

    private String id() {
        return "ev-" + (n++);
    }

    /** One modest egress flow per 5-minute bucket for 36 h, and some ordinary DNS and web. */
    private void baseline() {
        for (long t = 0; t < 36 * 60 * MINUTE; t += 5 * MINUTE) {
            long bytes = 40_000 + random.nextInt(20_000);
            add(flow(t + random.nextInt(60_000), "10.0.0.5", "93.184.216.34", 443, "1b", "1b", bytes, 8));
            if (random.nextInt(4) == 0) {
                add(dns(t + random.nextInt(60_000), "10.0.0.9", "www" + random.nextInt(5) + ".example.org"));
            }
        }
    }

    private void horizontalScan(long at) {
        for (int host = 1; host <= 40; host++) {
            add(flow(at + host * 200L, "10.0.0.66", "10.0.1." + host, 22, "02", "14", 60, 1));
        }
    }

    private void verticalScan(long at) {
        for (int port = 1000; port < 1060; port++) {
            add(flow(at + (port - 1000) * 150L, "10.0.0.67", "10.0.2.10", port, "02", "14", 60, 1));
        }
    }

    private void bruteForce(long at) {
        for (int i = 0; i < 25; i++) {
            add(auth(at + i * 2_000L, "198.51.100.23", "root", "failure"));
        }
        add(auth(at + 60_000, "198.51.100.23", "root", "success"));
    }

    private void modbusWrites(long at) {
        for (int i = 0; i < 3; i++) {
            add(SecurityEvent.builder().timestamp(T0.plusMillis(at + i * 1_000L))
                    .event(new SecurityEvent.EventInfo(id(), "event", List.of("network"), List.of("protocol"),
                            "modbus-write_single_register", null, "pcap", "pcap.modbus", null, null, null, null, null,
                            null, null, null))
                    .source(new SecurityEvent.Endpoint("10.0.0.80", 50000, null, null, null, null, null))
                    .destination(new SecurityEvent.Endpoint("10.0.3.2", 502, null, null, null, null, null))
                    .fenghuo(new SecurityEvent.FenghuoFields(null, "flow-1", new SecurityEvent.Ics("modbus", "1", 6,
                            "write_single_register", true, null, 100L, 1L)))
                    .build());
        }
    }

    private void beacon(long at) {
        for (int i = 0; i < 40; i++) {
            add(flow(at + i * MINUTE, "10.0.0.7", "93.184.216.40", 8443, "1b", "1b", 512, 4));
        }
    }

    private void dnsTunnel(long at) {
        for (int i = 0; i < 120; i++) {
            StringBuilder label = new StringBuilder();
            for (int c = 0; c < 50; c++) {
                label.append("abcdefghijklmnopqrstuvwxyz234567".charAt(random.nextInt(32)));
            }
            add(dns(at + i * 2_000L, "10.0.0.11", label + ".t.badtunnel.example.net"));
        }
    }

    private void egressBurst(long at) {
        for (int i = 0; i < 10; i++) {
            add(flow(at + i * 10_000L, "10.0.0.5", "93.184.216.34", 443, "1b", "1b", 400_000_000L, 300_000));
        }
    }

    private void add(SecurityEvent e) {
        events.add(e);
    }

    private SecurityEvent flow(long millis, String src, String dst, int port, String ts, String tc, long srcBytes,
            long srcPackets) {
        return SecurityEvent.builder().timestamp(T0.plusMillis(millis))
                .event(new SecurityEvent.EventInfo(id(), "event", List.of("network"), List.of("connection", "end"),
                        "tcp-end", null, "pcap", "pcap.flow", null, null, null, null, null, T0.plusMillis(millis - 500),
                        T0.plusMillis(millis), 500_000_000L))
                .source(new SecurityEvent.Endpoint(src, 40000, null, null, null, srcBytes, srcPackets))
                .destination(new SecurityEvent.Endpoint(dst, port, null, null, null, 1_000L, 2L))
                .network(new SecurityEvent.Network("tcp", "ipv4", null, null, null, null, "6", null, null, null))
                .extra(Map.of("fenghuo", Map.of("flow", Map.of("state", "reset", "tcp_flags_ts", ts,
                        "tcp_flags_tc", tc))))
                .build();
    }

    private SecurityEvent dns(long millis, String client, String name) {
        return SecurityEvent.builder().timestamp(T0.plusMillis(millis))
                .event(new SecurityEvent.EventInfo(id(), "event", List.of("network"), List.of("protocol"), "dns-query",
                        null, "pcap", "pcap.dns", null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(client, 53000, null, null, null, null, null))
                .destination(new SecurityEvent.Endpoint("10.0.0.1", 53, null, null, null, null, null))
                .dns(new SecurityEvent.Dns("1", "query", "QUERY", name, "TXT", "IN", null, null, null, null))
                .build();
    }

    private SecurityEvent auth(long millis, String src, String user, String outcome) {
        return SecurityEvent.builder().timestamp(T0.plusMillis(millis))
                .event(new SecurityEvent.EventInfo(id(), "event", List.of("authentication"), List.of("info"),
                        "ssh_login", outcome, "syslog", "syslog.sshd", null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(src, 50000, src, null, null, null, null))
                .destination(new SecurityEvent.Endpoint("10.0.0.2", 22, null, null, null, null, null))
                .user(new SecurityEvent.User(user, null, null))
                .build();
    }
}
