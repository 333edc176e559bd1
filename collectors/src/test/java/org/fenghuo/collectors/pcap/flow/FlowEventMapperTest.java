package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.flow.TestPacket.ACK;
import static org.fenghuo.collectors.pcap.flow.TestPacket.FIN;
import static org.fenghuo.collectors.pcap.flow.TestPacket.SYN;
import static org.fenghuo.collectors.pcap.flow.TestPacket.nanos;
import static org.fenghuo.collectors.pcap.flow.TestPacket.tcp;
import static org.fenghuo.collectors.pcap.flow.TestPacket.udp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class FlowEventMapperTest {
    private final FlowEventMapper mapper = new FlowEventMapper("pcap-test");

    private static List<FlowRecord> tcpFlow(int vlan) {
        List<FlowRecord> out = new ArrayList<>();
        FlowTable table = new FlowTable(FlowTableConfig.defaults(), out::add);
        String a = "192.168.1.10";
        String b = "2.2.2.2";
        table.process(tcp(0, a, 51000, b, 443, SYN, 74).vlan(vlan));
        table.process(tcp(0.5, b, 443, a, 51000, SYN | ACK, 74).vlan(vlan));
        table.process(tcp(1, a, 51000, b, 443, ACK, 66).vlan(vlan));
        table.process(tcp(2, a, 51000, b, 443, FIN | ACK, 66).vlan(vlan));
        table.process(tcp(2.5, b, 443, a, 51000, FIN | ACK, 66).vlan(vlan));
        table.flushAll();
        return out;
    }

    @Test
    void mapsATcpFlowToEcs() {
        FlowRecord r = tcpFlow(42).get(0);
        SecurityEvent e = mapper.toEvent(r);

        assertThat(e.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_002L, 500_000_000));
        SecurityEvent.EventInfo ev = e.event();
        assertThat(ev.kind()).isEqualTo("event");
        assertThat(ev.category()).containsExactly("network");
        assertThat(ev.type()).containsExactly("connection", "end");
        assertThat(ev.module()).isEqualTo("pcap");
        assertThat(ev.dataset()).isEqualTo("pcap.flow");
        assertThat(ev.action()).isEqualTo("end-of-capture");
        assertThat(ev.start()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(ev.end()).isEqualTo(Instant.ofEpochSecond(1_700_000_002L, 500_000_000));
        assertThat(ev.duration()).isEqualTo(2_500_000_000L);
        assertThat(ev.id()).isEqualTo(r.flowId() + ":0");
        assertThat(r.flowId()).hasSize(22);

        assertThat(e.source()).isEqualTo(new SecurityEvent.Endpoint("192.168.1.10", 51000, null, null, null,
                74L + 66 + 66, 3L));
        assertThat(e.destination()).isEqualTo(new SecurityEvent.Endpoint("2.2.2.2", 443, null, null, null,
                74L + 66, 2L));
        SecurityEvent.Network n = e.network();
        assertThat(n.transport()).isEqualTo("tcp");
        assertThat(n.type()).isEqualTo("ipv4");
        assertThat(n.ianaNumber()).isEqualTo("6");
        assertThat(n.communityId()).isEqualTo(r.communityId()).startsWith("1:");
        assertThat(n.bytes()).isEqualTo(74L * 2 + 66 * 3);
        assertThat(n.packets()).isEqualTo(5);
        assertThat(n.vlanId()).isEqualTo("42");
        assertThat(e.fenghuo().flowId()).isEqualTo(r.flowId());
        assertThat(e.fenghuo().input()).isEqualTo("pcap-test");

        @SuppressWarnings("unchecked")
        Map<String, Object> flow = (Map<String, Object>) ((Map<String, Object>) e.extra().get("fenghuo")).get("flow");
        assertThat(flow).containsEntry("state", "closed").containsEntry("tcp_flags_ts", "13")
                .containsEntry("tcp_flags_tc", "13");
    }

    @Test
    void idsAreDeterministic() {
        SecurityEvent first = mapper.toEvent(tcpFlow(-1).get(0));
        SecurityEvent again = mapper.toEvent(tcpFlow(-1).get(0));
        assertThat(again.event().id()).isEqualTo(first.event().id());
        assertThat(again.fenghuo().flowId()).isEqualTo(first.fenghuo().flowId());
        assertThat(first.network().vlanId()).isNull();
        assertThat(mapper.toEvent(tcpFlow(7).get(0)).event().id()).isNotEqualTo(first.event().id());
    }

    @Test
    void eachSegmentOfALongFlowHasItsOwnIdNamedAfterTheFlow() {
        List<FlowRecord> out = new ArrayList<>();
        FlowTable table = new FlowTable(FlowTableConfig.defaults().withActive(Duration.ofSeconds(100)), out::add);
        for (int t = 0; t <= 250; t += 10) {
            table.process(udp(t, "10.0.0.1", 5000, "10.0.0.2", 9999, 100));
        }
        table.flushAll();

        String flowId = out.get(0).flowId();
        assertThat(out).extracting(r -> mapper.toEvent(r).event().id())
                .containsExactly(flowId + ":0", flowId + ":1", flowId + ":2");
    }

    @Test
    void icmpv6HasNoPortsButKeepsItsTypes() {
        List<FlowRecord> out = new ArrayList<>();
        FlowTable table = new FlowTable(FlowTableConfig.defaults(), out::add);
        table.process(TestPacket.icmp(0, CommunityId.ICMPV6, "fe80::1", "fe80::2", 135, 0, 86));
        table.flushAll();
        SecurityEvent e = mapper.toEvent(out.get(0));

        assertThat(e.network().transport()).isEqualTo("ipv6-icmp");
        assertThat(e.network().type()).isEqualTo("ipv6");
        assertThat(e.network().ianaNumber()).isEqualTo("58");
        assertThat(e.source().ip()).isEqualTo("fe80::1");
        assertThat(e.source().port()).isNull();
        assertThat(e.destination().port()).isNull();
        assertThat(e.event().duration()).isZero();
        assertThat(e.event().start()).isEqualTo(e.event().end()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        @SuppressWarnings("unchecked")
        Map<String, Object> flow = (Map<String, Object>) ((Map<String, Object>) e.extra().get("fenghuo")).get("flow");
        assertThat(flow).containsEntry("icmp_port_src", 135).containsEntry("icmp_port_dst", 136);
    }

    @Test
    void transportNamesFollowIana() {
        assertThat(FlowEventMapper.transport(17)).isEqualTo("udp");
        assertThat(FlowEventMapper.transport(132)).isEqualTo("sctp");
        assertThat(FlowEventMapper.transport(1)).isEqualTo("icmp");
        assertThat(FlowEventMapper.transport(253)).isEqualTo("253");
        assertThat(nanos(0)).isEqualTo(1_700_000_000L * 1_000_000_000L);
    }
}
