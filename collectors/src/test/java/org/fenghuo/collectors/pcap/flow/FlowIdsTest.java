package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.flow.TestPacket.udp;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlowIdsTest {
    private static final String V6_LOW = "2001:db8::1";
    private static final String V6_HIGH = "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff";

    private static String idOf(TestPacket p) {
        FlowKey key = new FlowKey();
        assertThat(key.fill(p)).isTrue();
        return FlowIds.flowId(key.copy(), p.timestampNanos(), 0);
    }

    @Test
    void flowIdsStayWhatTheyAreSoReReadingACaptureOverwritesItsDocuments() {
        // Pinned: a change here changes every pcap document id (flows, records, protocol events).
        // Computed outside Java (Python hashlib) from FlowIds' documented layout; the first input is
        // 02 ffffffff 11 04 0a000001 0a000002 14e9 0035 17979cfe8f922f00 (version, no VLAN, UDP,
        // IPv4, low then high address, their ports, first packet time in ns), 27 bytes.
        assertThat(idOf(udp(1.5, "10.0.0.1", 5353, "10.0.0.2", 53, 80))).isEqualTo("rrL-5GMaVAbRJDIxSrFfuQ");
        // the largest input: IPv6, QinQ (outer 4094, inner field 4094), 55 bytes
        assertThat(idOf(udp(1.5, V6_HIGH, 65535, V6_LOW, 53, 80).qinq(4094, 4093)))
                .isEqualTo("kESZiLKMUNsxMpzNm13huw");
    }

    @Test
    void theLargestInputFitsOneSha256Block() {
        // 55 bytes of message leave room for SHA-256's 0x80 byte and 8-byte length in one block
        assertThat(FlowIds.MAX_FLOW_INPUT).isLessThanOrEqualTo(55);
    }

    @Test
    void bothDirectionsShareAnIdAndEveryPartOfTheKeyTellsFlowsApart() {
        TestPacket base = udp(1.5, V6_LOW, 40000, V6_HIGH, 53, 80);
        assertThat(idOf(udp(1.5, V6_HIGH, 53, V6_LOW, 40000, 80))).isEqualTo(idOf(base));

        List<String> ids = List.of(
                idOf(base),
                idOf(base.vlan(7)),
                idOf(base.qinq(7, 8)),
                idOf(base.qinq(7, 9)),
                idOf(udp(1.500000001, V6_LOW, 40000, V6_HIGH, 53, 80)),
                idOf(udp(1.5, V6_LOW, 40001, V6_HIGH, 53, 80)),
                idOf(udp(1.5, V6_LOW, 40000, V6_HIGH, 54, 80)),
                idOf(udp(1.5, "2001:db8::2", 40000, V6_HIGH, 53, 80)),
                idOf(TestPacket.ports(1.5, 132, V6_LOW, 40000, V6_HIGH, 53, 0, 80)),
                idOf(udp(1.5, "10.0.0.1", 40000, "10.0.0.2", 53, 80)));
        Set<String> distinct = ids.stream().collect(Collectors.toSet());
        assertThat(distinct).hasSameSizeAs(ids);
        assertThat(ids).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void aGenerationTellsApartFlowsOfOneKeyAndInstant() {
        TestPacket p = udp(1.5, V6_HIGH, 65535, V6_LOW, 53, 80).qinq(4094, 4093);
        FlowKey key = new FlowKey();
        key.fill(p);
        FlowKey stored = key.copy();
        List<String> ids = List.of(FlowIds.flowId(stored, p.timestampNanos(), 0),
                FlowIds.flowId(stored, p.timestampNanos(), 1), FlowIds.flowId(stored, p.timestampNanos(), 2));
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{22}"));
        // generation 0 is the pinned version-2 id: flows that never collide keep their ids
        assertThat(ids.get(0)).isEqualTo("kESZiLKMUNsxMpzNm13huw");
    }
}
