package org.fenghuo.detection.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fenghuo.events.SecurityEvent;

/** Hand-made ECS events for the detector tests. */
public final class Events {
    private Events() {
    }

    public static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

    /** A pcap.flow TCP record with the initiator's and responder's flags (hex, as the decoder writes them). */
    public static SecurityEvent tcpFlow(String id, long millis, String src, String dst, int dport, String ts, String tc,
            long srcPackets) {
        return SecurityEvent.builder().timestamp(T0.plusMillis(millis))
                .event(new SecurityEvent.EventInfo(id, "event", List.of("network"), List.of("connection", "end"),
                        "tcp-end", null, "pcap", "pcap.flow", null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(src, 40000, null, null, null, 60L, srcPackets))
                .destination(new SecurityEvent.Endpoint(dst, dport, null, null, null, 54L, 1L))
                .network(new SecurityEvent.Network("tcp", "ipv4", null, null, null, null, "6", null, null, null))
                .extra(Map.of("fenghuo", Map.of("flow", Map.of("state", "reset", "tcp_flags_ts", ts,
                        "tcp_flags_tc", tc))))
                .build();
    }

    /** A refused connection: SYN, answered RST-ACK (a closed port). */
    public static SecurityEvent refused(String id, long millis, String src, String dst, int dport) {
        return tcpFlow(id, millis, src, dst, dport, "02", "14", 1);
    }

    /** A normal connection: handshake, data, FIN both ways. */
    public static SecurityEvent completed(String id, long millis, String src, String dst, int dport) {
        return tcpFlow(id, millis, src, dst, dport, "1b", "1b", 8);
    }

    /** An sshd-style authentication event. */
    public static SecurityEvent auth(String id, long millis, String src, String user, String outcome) {
        return SecurityEvent.builder().timestamp(T0.plusMillis(millis))
                .event(new SecurityEvent.EventInfo(id, "event", List.of("authentication"), List.of("info"),
                        "ssh_login", outcome, "syslog", "syslog.sshd", null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(src, 50000, src, null, null, null, null))
                .user(new SecurityEvent.User(user, null, null))
                .build();
    }

    /** An ICS protocol event as the pcap analyzers write it. */
    public static SecurityEvent ics(String id, long millis, String src, String dst, String protocol, Integer code,
            String function, Boolean write) {
        return SecurityEvent.builder().timestamp(T0.plusMillis(millis))
                .event(new SecurityEvent.EventInfo(id, "event", List.of("network"), List.of("protocol"),
                        protocol + "-" + function, null, "pcap", "pcap." + protocol, null, null, null, null, null, null,
                        null, null))
                .source(new SecurityEvent.Endpoint(src, 50000, null, null, null, null, null))
                .destination(new SecurityEvent.Endpoint(dst, 502, null, null, null, null, null))
                .fenghuo(new SecurityEvent.FenghuoFields(null, "flow-1",
                        new SecurityEvent.Ics(protocol, "1", code, function, write, null, 100L, 1L)))
                .build();
    }
}
