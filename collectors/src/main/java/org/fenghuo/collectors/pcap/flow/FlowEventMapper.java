package org.fenghuo.collectors.pcap.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fenghuo.events.ExtraTree;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBuilder;

/**
 * Turns a {@link FlowRecord} into an ECS {@code SecurityEvent} ({@code event.dataset:
 * pcap.flow}). Source is the initiator, destination the responder. {@code @timestamp} is the end
 * of the flow (when the record became known). TCP details go under {@code fenghuo.flow.*} in
 * {@code extra}: {@code state}, {@code tcp_flags_ts} / {@code tcp_flags_tc} (flags sent by the
 * initiator / responder, as Suricata's "to server" / "to client", in its hex form), and
 * {@code segment} for records after an active timeout.
 */
public final class FlowEventMapper {
    private static final List<String> CATEGORY = List.of("network");
    private static final List<String> TYPE = List.of("connection", "end");
    private static final String[] HEX = new String[256];

    static {
        for (int i = 0; i < HEX.length; i++) {
            HEX[i] = HexText.hex(i, 2);
        }
    }

    private final String input;

    /** @param input the collector input name for {@code fenghuo.input}, or null */
    public FlowEventMapper(String input) {
        this.input = input;
    }

    public SecurityEvent toEvent(FlowRecord r) {
        Instant start = instant(r.startNanos());
        Instant end = instant(r.endNanos());
        boolean ports = CommunityId.hasPorts(r.protocol()) && !isIcmp(r.protocol());
        SecurityEventBuilder b = SecurityEvent.builder()
                .timestamp(end)
                .event(new SecurityEvent.EventInfo(FlowIds.eventId(r), "event", CATEGORY, TYPE,
                        r.endReason().action(), null, "pcap", "pcap.flow", null, null, null, null, null,
                        start, end, r.endNanos() - r.startNanos()))
                .source(endpoint(r.initiatorIp(), ports ? r.initiatorPort() : null, r.toResponder()))
                .destination(endpoint(r.responderIp(), ports ? r.responderPort() : null, r.toInitiator()))
                .network(new SecurityEvent.Network(transport(r.protocol()), r.ipVersion() == 6 ? "ipv6" : "ipv4",
                        r.appProtocol(), null, null, r.communityId(), Integer.toString(r.protocol()), r.bytes(), r.packets(),
                        r.vlanId() < 0 ? null : Integer.toString(r.vlanId())))
                .fenghuo(new SecurityEvent.FenghuoFields(input, r.flowId(), null));
        // fenghuo.flow.*, built in canonical form so the event takes it without another copy
        ExtraTree extra = ExtraTree.create();
        ExtraTree flow = extra.child("fenghuo", 1).child("flow", 4);
        if (r.protocol() == CommunityId.TCP) {
            flow.put("state", r.tcpState().text());
            flow.put("tcp_flags_ts", hex(r.toResponder().tcpFlags()));
            flow.put("tcp_flags_tc", hex(r.toInitiator().tcpFlags()));
        }
        if (isIcmp(r.protocol())) {
            // the Community ID "ports": type and counterpart type, or type and code
            flow.put("icmp_port_src", r.initiatorPort());
            flow.put("icmp_port_dst", r.responderPort());
        }
        if (r.segment() > 0) {
            flow.put("segment", r.segment());
        }
        Map<String, Object> built = extra.build();
        if (!built.isEmpty()) {
            b.extra(built);
        }
        return b.build();
    }

    /** ECS {@code network.transport}: the IANA keyword in lower case, else the number. */
    static String transport(int protocol) {
        return switch (protocol) {
            case CommunityId.TCP -> "tcp";
            case CommunityId.UDP -> "udp";
            case CommunityId.ICMP -> "icmp";
            case CommunityId.ICMPV6 -> "ipv6-icmp";
            case CommunityId.SCTP -> "sctp";
            case 2 -> "igmp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 51 -> "ah";
            default -> Integer.toString(protocol);
        };
    }

    private static boolean isIcmp(int protocol) {
        return protocol == CommunityId.ICMP || protocol == CommunityId.ICMPV6;
    }

    private static SecurityEvent.Endpoint endpoint(String ip, Integer port, FlowRecord.Direction sent) {
        return new SecurityEvent.Endpoint(ip, port, null, null, null, sent.bytes(), sent.packets());
    }

    private static String hex(int flags) {
        return flags >= 0 && flags < HEX.length ? HEX[flags] : HexText.hex(flags, 2);
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
