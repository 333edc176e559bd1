package org.fenghuo.detection.anomaly.scan;

import java.util.List;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * What a connection record says about its initiator: a probe (the attack signal: unanswered,
 * refused, half-open, or opened and dropped at once), a completed connection, or nothing usable.
 */
enum ConnectionOutcome {
    PROBE, COMPLETED, NOT_A_CONNECTION;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;
    private static final EcsFieldPath FLOW_STATE = EcsFieldPath.of("fenghuo.flow.state");
    private static final EcsFieldPath FLAGS_TO_SERVER = EcsFieldPath.of("fenghuo.flow.tcp_flags_ts");
    private static final EcsFieldPath FLAGS_TO_CLIENT = EcsFieldPath.of("fenghuo.flow.tcp_flags_tc");
    private static final EcsFieldPath NETFLOW_FLAGS = EcsFieldPath.of("fenghuo.netflow.tcpControlBits");

    static ConnectionOutcome of(SecurityEvent e, String dataset) {
        String transport = e.network() == null ? null : e.network().transport();
        return switch (dataset) {
            case "pcap.flow" -> "tcp".equals(transport) ? pcapTcp(e) : "udp".equals(transport) ? pcapUdp(e)
                    : NOT_A_CONNECTION;
            case "netflow.flow" -> "tcp".equals(transport) ? netflowTcp(e) : NOT_A_CONNECTION;
            default -> denied(e);
        };
    }

    /**
     * Bidirectional flow from our pcap decoder, initiator as source. No SYN-ACK back (silence,
     * or RST: a closed port) and SYN-ACK answered without ACK (nmap -sS) are probes, and so is a
     * handshake the initiator tore down with a RST after at most 3 packets (nmap -sT on an open
     * port: SYN, ACK, RST) since a real client sends data first.
     */
    private static ConnectionOutcome pcapTcp(SecurityEvent e) {
        if ("midstream".equals(FLOW_STATE.get(e))) {
            return NOT_A_CONNECTION;
        }
        int ts = hex(FLAGS_TO_SERVER.get(e));
        int tc = hex(FLAGS_TO_CLIENT.get(e));
        if (ts < 0 || tc < 0 || (ts & SYN) == 0) {
            return NOT_A_CONNECTION;
        }
        if ((tc & (SYN | ACK)) != (SYN | ACK) || (ts & ACK) == 0) {
            return PROBE;
        }
        long sent = e.source() == null || e.source().packets() == null ? Long.MAX_VALUE : e.source().packets();
        return (ts & RST) != 0 && (ts & FIN) == 0 && sent <= 3 ? PROBE : COMPLETED;
    }

    /** A UDP flow the responder never answered (a closed port answers with ICMP, a separate flow). */
    private static ConnectionOutcome pcapUdp(SecurityEvent e) {
        Long back = e.destination() == null ? null : e.destination().packets();
        return back == null ? NOT_A_CONNECTION : back == 0 ? PROBE : COMPLETED;
    }

    /**
     * NetFlow records are one direction each: only the initiator's record has SYN without ACK
     * (unanswered or half-open). A record with SYN and ACK may be a completed client or the
     * server's answer: unusable, so completed connect scans are not seen in NetFlow.
     */
    private static ConnectionOutcome netflowTcp(SecurityEvent e) {
        Object v = NETFLOW_FLAGS.get(e);
        if (!(v instanceof Number n)) {
            return NOT_A_CONNECTION;
        }
        int flags = n.intValue();
        return (flags & SYN) != 0 && (flags & ACK) == 0 ? PROBE : NOT_A_CONNECTION;
    }

    /** Firewall logs (netfilter and the like): a denied connection is a probe; others say too little. */
    private static ConnectionOutcome denied(SecurityEvent e) {
        List<String> type = e.event() == null ? null : e.event().type();
        return type != null && type.contains("denied") ? PROBE : NOT_A_CONNECTION;
    }

    private static int hex(Object v) {
        if (!(v instanceof String s) || s.isEmpty() || s.length() > 4) {
            return -1;
        }
        int out = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            out = out * 16 + d;
        }
        return out;
    }
}
