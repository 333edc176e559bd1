package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.flow.TestPacket.ACK;
import static org.fenghuo.collectors.pcap.flow.TestPacket.FIN;
import static org.fenghuo.collectors.pcap.flow.TestPacket.PSH;
import static org.fenghuo.collectors.pcap.flow.TestPacket.RST;
import static org.fenghuo.collectors.pcap.flow.TestPacket.SYN;
import static org.fenghuo.collectors.pcap.flow.TestPacket.icmp;
import static org.fenghuo.collectors.pcap.flow.TestPacket.nanos;
import static org.fenghuo.collectors.pcap.flow.TestPacket.tcp;
import static org.fenghuo.collectors.pcap.flow.TestPacket.udp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private final List<FlowRecord> out = new ArrayList<>();
    private FlowTable table = new FlowTable(FlowTableConfig.defaults(), out::add);

    private void handshakeAndData(double t) {
        table.process(tcp(t, A, 40000, B, 80, SYN, 74));
        table.process(tcp(t + 0.01, B, 80, A, 40000, SYN | ACK, 74));
        table.process(tcp(t + 0.02, A, 40000, B, 80, ACK, 66));
        table.process(tcp(t + 0.03, A, 40000, B, 80, PSH | ACK, 200));
        table.process(tcp(t + 0.04, B, 80, A, 40000, PSH | ACK, 1500));
    }

    @Test
    void bothDirectionsCountIntoOneFlow() {
        handshakeAndData(0);
        table.flushAll();

        assertThat(out).hasSize(1);
        FlowRecord r = out.get(0);
        assertThat(r.initiatorIp()).isEqualTo(A);
        assertThat(r.initiatorPort()).isEqualTo(40000);
        assertThat(r.responderIp()).isEqualTo(B);
        assertThat(r.responderPort()).isEqualTo(80);
        assertThat(r.toResponder()).isEqualTo(new FlowRecord.Direction(3, 74 + 66 + 200, nanos(0), nanos(0.03),
                SYN | ACK | PSH));
        assertThat(r.toInitiator()).isEqualTo(new FlowRecord.Direction(2, 74 + 1500, nanos(0.01), nanos(0.04),
                SYN | ACK | PSH));
        assertThat(r.startNanos()).isEqualTo(nanos(0));
        assertThat(r.endNanos()).isEqualTo(nanos(0.04));
        assertThat(r.tcpState()).isEqualTo(TcpState.ESTABLISHED);
        assertThat(r.endReason()).isEqualTo(EndReason.END_OF_CAPTURE);
        assertThat(r.communityId()).isNotNull().startsWith("1:");
        assertThat(table.stats()).isEqualTo(new FlowStats(1, 0, 0, 0, 0, 1, 0, 0, 1, 0));
    }

    @Test
    void processReturnsTheSameFlowIdForBothDirections() {
        String forward = table.process(udp(0, A, 5353, B, 53, 80));
        String reverse = table.process(udp(0.1, B, 53, A, 5353, 120));
        assertThat(forward).isNotNull().isEqualTo(reverse);
        table.flushAll();
        assertThat(out.get(0).flowId()).isEqualTo(forward);
    }

    @Test
    void initiatorIsTheFirstSender() {
        table.process(udp(0, B, 53, A, 5353, 120));
        table.process(udp(0.1, A, 5353, B, 53, 80));
        table.flushAll();
        assertThat(out.get(0).initiatorIp()).isEqualTo(B);
        assertThat(out.get(0).toResponder().bytes()).isEqualTo(120);
    }

    @Test
    void aSynAckSeenFirstMakesItsReceiverTheInitiator() {
        table.process(tcp(0, B, 80, A, 40000, SYN | ACK, 74));
        table.process(tcp(0.01, A, 40000, B, 80, ACK, 66));
        table.flushAll();

        FlowRecord r = out.get(0);
        assertThat(r.initiatorIp()).isEqualTo(A);
        assertThat(r.initiatorPort()).isEqualTo(40000);
        assertThat(r.toInitiator().packets()).isEqualTo(1);
        assertThat(r.toInitiator().tcpFlags()).isEqualTo(SYN | ACK);
        assertThat(r.toResponder().packets()).isEqualTo(1);
        assertThat(r.tcpState()).isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void anEchoReplySeenFirstMakesItsReceiverTheInitiator() {
        table.process(icmp(0, CommunityId.ICMPV6, "2001:db8::2", "2001:db8::1", 129, 0, 118));
        table.flushAll();
        assertThat(out.get(0).initiatorIp()).isEqualTo("2001:db8::1");
        assertThat(out.get(0).initiatorPort()).isEqualTo(128);
        assertThat(out.get(0).toInitiator().packets()).isEqualTo(1);
    }

    @Test
    void midstreamPickupKeepsTheFirstSender() {
        table.process(tcp(0, B, 80, A, 40000, PSH | ACK, 1500));
        table.flushAll();
        assertThat(out.get(0).initiatorIp()).isEqualTo(B);
        assertThat(out.get(0).tcpState()).isEqualTo(TcpState.MIDSTREAM);
    }

    @Test
    void udpIdleTimeoutFollowsCaptureTime() {
        table.process(udp(0, A, 5000, B, 53, 80));
        table.process(udp(59, A, 5000, B, 53, 80));
        assertThat(out).isEmpty();
        // another flow's packet moves the clock; 60 s after the last packet the flow is due
        table.process(udp(119, "10.9.9.9", 1, B, 53, 80));
        assertThat(out).hasSize(1);
        assertThat(out.get(0).endReason()).isEqualTo(EndReason.IDLE_TIMEOUT);
        assertThat(out.get(0).packets()).isEqualTo(2);
        assertThat(table.stats().idleTimeout()).isEqualTo(1);
        assertThat(table.stats().active()).isEqualTo(1);
    }

    @Test
    void aPacketAfterTheIdleTimeoutOpensANewFlow() {
        // the sweep is due only once per second: the lookup itself must see the timeout
        table = new FlowTable(new FlowTableConfig(10, Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMinutes(30), Duration.ofHours(10), 0), out::add);
        String first = table.process(udp(0, A, 5000, B, 53, 80));
        table.process(udp(1, A, 5000, B, 53, 80));
        String second = table.process(udp(61.5, A, 5000, B, 53, 80));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.endReason()).isEqualTo(EndReason.IDLE_TIMEOUT);
            assertThat(r.packets()).isEqualTo(2);
        });
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void advanceToExpiresWithoutPackets() {
        table.process(icmp(0, CommunityId.ICMP, A, B, 8, 0, 98));
        table.advanceTo(nanos(29));
        assertThat(out).isEmpty();
        table.advanceTo(nanos(30));
        assertThat(out).singleElement().extracting(FlowRecord::endReason).isEqualTo(EndReason.IDLE_TIMEOUT);
    }

    @Test
    void activeTimeoutEmitsASegmentAndTheFlowGoesOn() {
        table = new FlowTable(FlowTableConfig.defaults().withActive(Duration.ofSeconds(100)), out::add);
        String id = null;
        for (int t = 0; t <= 250; t += 10) {
            id = table.process(udp(t, A, 5000, B, 9999, 100));
        }
        table.flushAll();

        assertThat(out).extracting(FlowRecord::endReason).containsExactly(EndReason.ACTIVE_TIMEOUT,
                EndReason.ACTIVE_TIMEOUT, EndReason.END_OF_CAPTURE);
        assertThat(out).extracting(FlowRecord::segment).containsExactly(0, 1, 2);
        assertThat(out).extracting(FlowRecord::flowId).containsOnly(id);
        assertThat(out.stream().mapToLong(FlowRecord::packets).sum()).isEqualTo(26);
        assertThat(out.get(0).startNanos()).isEqualTo(nanos(0));
        assertThat(out.get(0).endNanos()).isEqualTo(nanos(90));
        assertThat(out.get(1).startNanos()).isEqualTo(nanos(100));
        assertThat(table.stats().activeTimeout()).isEqualTo(2);
        assertThat(table.stats().created()).isEqualTo(1);
    }

    @Test
    void tcpEndsAfterFinBothWaysAndTheClosedLinger() {
        handshakeAndData(0);
        table.process(tcp(1, A, 40000, B, 80, FIN | ACK, 66));
        table.process(tcp(1.01, B, 80, A, 40000, FIN | ACK, 66));
        table.process(tcp(1.02, A, 40000, B, 80, ACK, 66));
        assertThat(out).isEmpty();
        table.advanceTo(nanos(61.02));

        FlowRecord r = out.get(0);
        assertThat(r.endReason()).isEqualTo(EndReason.TCP_END);
        assertThat(r.tcpState()).isEqualTo(TcpState.CLOSED);
        assertThat(r.packets()).isEqualTo(8);
        assertThat(r.toResponder().tcpFlags()).isEqualTo(SYN | ACK | PSH | FIN);
    }

    @Test
    void aResetEndsTheFlowAndANewSynStartsAnother() {
        table.process(tcp(0, A, 40000, B, 80, SYN, 74));
        table.process(tcp(0.01, B, 80, A, 40000, RST | ACK, 60));
        table.process(tcp(5, A, 40000, B, 80, SYN, 74));

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.endReason()).isEqualTo(EndReason.TCP_END);
            assertThat(r.tcpState()).isEqualTo(TcpState.RESET);
            assertThat(r.packets()).isEqualTo(2);
        });
        table.flushAll();
        assertThat(out.get(1).tcpState()).isEqualTo(TcpState.SYN_SENT);
        assertThat(out.get(1).flowId()).isNotEqualTo(out.get(0).flowId());
    }

    @Test
    void aBareResetAnsweringASynIsNotAcceptableAndTheNextSynStaysInTheFlow() {
        // suricata-verify bug-3844: SYN, RST without ACK, new SYN, handshake, data, RST
        table.process(tcp(0, A, 40000, B, 80, SYN, 74));
        table.process(tcp(0.001, B, 80, A, 40000, RST, 58));
        table.process(tcp(0.002, A, 40000, B, 80, SYN, 62));
        table.process(tcp(0.003, B, 80, A, 40000, SYN | ACK, 58));
        table.process(tcp(0.004, A, 40000, B, 80, ACK, 58));
        assertThat(out).isEmpty();
        table.flushAll();

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.toResponder().packets()).isEqualTo(3);
            assertThat(r.toInitiator().packets()).isEqualTo(2);
            assertThat(r.tcpState()).isEqualTo(TcpState.ESTABLISHED);
            assertThat(r.toInitiator().tcpFlags()).isEqualTo(RST | SYN | ACK);
        });
    }

    @Test
    void aResetFromTheInitiatorDuringTheHandshakeStillEndsTheFlow() {
        table.process(tcp(0, A, 40000, B, 80, SYN, 74));
        table.process(tcp(0.001, A, 40000, B, 80, RST, 58));
        table.process(tcp(1, A, 40000, B, 80, SYN, 74));

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.tcpState()).isEqualTo(TcpState.RESET);
            assertThat(r.packets()).isEqualTo(2);
        });
    }

    @Test
    void aHalfOpenConnectionTimesOutSooner() {
        table.process(tcp(0, A, 40000, B, 80, SYN, 74));
        table.advanceTo(nanos(60));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.endReason()).isEqualTo(EndReason.IDLE_TIMEOUT);
            assertThat(r.tcpState()).isEqualTo(TcpState.SYN_SENT);
        });
    }

    @Test
    void aFullTableEvictsTheLeastRecentlySeenAndSaysSo() {
        table = new FlowTable(FlowTableConfig.defaults().withMaxFlows(2), out::add);
        table.process(udp(0, A, 1, B, 53, 80));
        table.process(udp(0.1, A, 2, B, 53, 80));
        table.process(udp(0.2, A, 1, B, 53, 80)); // flow 1 is now the more recent
        table.process(udp(0.3, A, 3, B, 53, 80));

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.endReason()).isEqualTo(EndReason.EVICTED);
            assertThat(r.initiatorPort()).isEqualTo(2);
        });
        FlowStats s = table.stats();
        assertThat(s.evicted()).isEqualTo(1);
        assertThat(s.active()).isEqualTo(2);
        assertThat(s.peak()).isEqualTo(2);
        assertThat(s.created()).isEqualTo(3);
    }

    @Test
    void flushAllEmitsEveryFlowOnceAndEmptiesTheTable() {
        table.process(udp(0, A, 1, B, 53, 80));
        table.process(tcp(0.1, A, 2, B, 80, SYN, 74));
        table.process(icmp(0.2, CommunityId.ICMP, A, B, 8, 0, 98));
        table.flushAll();
        table.flushAll();

        assertThat(out).extracting(FlowRecord::endReason).containsOnly(EndReason.END_OF_CAPTURE);
        assertThat(out).extracting(FlowRecord::protocol).containsExactly(17, 6, 1);
        assertThat(table.stats()).isEqualTo(new FlowStats(3, 0, 0, 0, 0, 3, 0, 0, 3, 0));
    }

    @Test
    void innerQinqVlansSeparateFlowsToo() {
        // suricata-verify eve-flow-vlan-02: same outer VLAN, different inner (customer) VLANs
        table.process(udp(0, A, 1, B, 53, 80).qinq(1, 10));
        table.process(udp(0.1, B, 53, A, 1, 80).qinq(1, 20));
        table.process(udp(0.2, B, 53, A, 1, 80).qinq(1, 10));
        table.process(udp(0.3, B, 53, A, 1, 80).vlan(1));
        table.flushAll();

        assertThat(out).hasSize(3);
        assertThat(out).extracting(FlowRecord::vlanId).containsOnly(1);
        assertThat(out).extracting(FlowRecord::packets).containsExactly(2L, 1L, 1L);
        assertThat(out).extracting(FlowRecord::flowId).doesNotHaveDuplicates();
    }

    @Test
    void vlansSeparateFlows() {
        table.process(udp(0, A, 1, B, 53, 80).vlan(10));
        table.process(udp(0.1, B, 53, A, 1, 80).vlan(20));
        table.process(udp(0.2, B, 53, A, 1, 80).vlan(10));
        table.flushAll();

        assertThat(out).hasSize(2);
        assertThat(out).extracting(FlowRecord::vlanId).containsExactly(10, 20);
        assertThat(out).extracting(FlowRecord::packets).containsExactly(2L, 1L);
        // Community ID leaves VLANs out by design; the flow id does not
        assertThat(out.get(0).communityId()).isEqualTo(out.get(1).communityId());
        assertThat(out.get(0).flowId()).isNotEqualTo(out.get(1).flowId());
    }

    @Test
    void icmpEchoRequestAndReplyShareAFlow() {
        table.process(icmp(0, CommunityId.ICMP, A, B, 8, 0, 98));
        table.process(icmp(0.001, CommunityId.ICMP, B, A, 0, 0, 98));
        table.process(icmp(1, CommunityId.ICMP, A, B, 3, 1, 70)); // unreachable: its own flow
        table.flushAll();

        assertThat(out).hasSize(2);
        FlowRecord echo = out.get(0);
        assertThat(echo.packets()).isEqualTo(2);
        assertThat(echo.initiatorIp()).isEqualTo(A);
        assertThat(echo.initiatorPort()).isEqualTo(8);
        assertThat(echo.responderPort()).isEqualTo(0);
        byte[] a = TestPacket.addresses(A, B);
        assertThat(echo.communityId()).isEqualTo(CommunityId.icmp(1, a, 0, a, 4, 4, 8, 0, 0));
        assertThat(out.get(1).packets()).isEqualTo(1);
    }

    @Test
    void ipv6FlowsUseCompressedText() {
        table.process(icmp(0, CommunityId.ICMPV6, "2001:db8::1", "2001:db8:0:0:1::2", 128, 0, 118));
        table.process(icmp(0.01, CommunityId.ICMPV6, "2001:db8:0:0:1::2", "2001:db8::1", 129, 0, 118));
        table.process(tcp(0.02, "::ffff:192.0.2.1", 1, "fe80::1", 22, SYN, 86));
        table.flushAll();

        assertThat(out.get(0).ipVersion()).isEqualTo(6);
        assertThat(out.get(0).packets()).isEqualTo(2);
        assertThat(out.get(0).initiatorIp()).isEqualTo("2001:db8::1");
        assertThat(out.get(0).responderIp()).isEqualTo("2001:db8::1:0:0:2");
        assertThat(out.get(1).initiatorIp()).isEqualTo("::ffff:192.0.2.1");
        assertThat(out.get(1).responderIp()).isEqualTo("fe80::1");
    }

    @Test
    void aLatePacketWidensTheFlowTimesButNeverMovesTheClockBack() {
        table.process(udp(10, A, 5000, B, 53, 80));
        table.process(udp(9.5, A, 5000, B, 53, 80));
        table.process(udp(11, B, 53, A, 5000, 80));
        table.flushAll();
        FlowRecord r = out.get(0);
        assertThat(r.startNanos()).isEqualTo(nanos(9.5));
        assertThat(r.toResponder().firstNanos()).isEqualTo(nanos(9.5));
        assertThat(r.toResponder().lastNanos()).isEqualTo(nanos(10));
        assertThat(r.endNanos()).isEqualTo(nanos(11));
    }

    @Test
    void packetsWithoutUsableAddressesAreCountedNotTracked() {
        TestPacket odd = new TestPacket(nanos(0), 60, -1, 4, new byte[8], 0, 4, 3, 17, 1, 2, -1, -1, 0, 0, 0);
        assertThat(table.process(odd)).isNull();
        assertThat(table.stats().ignored()).isEqualTo(1);
        assertThat(table.stats().active()).isZero();
    }

    /**
     * A connection refused and retried within one timestamp tick: both flows start at the same
     * instant on the same key, and a flow id hashes only those, so the second takes a generation.
     * Before, both records were {@code <same id>:0} and the second overwrote the first's document.
     */
    @Test
    void aFlowReopenedInTheInstantItsPredecessorStartedGetsItsOwnId() {
        List<String> first = reopenedThreeTimesInOneInstant(table, out);
        assertThat(out).hasSize(3);
        assertThat(out).extracting(FlowRecord::startNanos).containsOnly(nanos(0));
        assertThat(first).doesNotHaveDuplicates();
        FlowEventMapper mapper = new FlowEventMapper(null);
        assertThat(out).extracting(r -> mapper.toEvent(r).event().id()).doesNotHaveDuplicates();
        assertThat(table.stats().idsMaybeShared()).isZero();

        // the same packets again give the same ids: a re-read overwrites, never duplicates
        List<FlowRecord> again = new ArrayList<>();
        assertThat(reopenedThreeTimesInOneInstant(new FlowTable(FlowTableConfig.defaults(), again::add), again))
                .isEqualTo(first);
        // and the first flow of the instant keeps the id it would have had alone
        List<FlowRecord> alone = new ArrayList<>();
        FlowTable single = new FlowTable(FlowTableConfig.defaults(), alone::add);
        assertThat(single.process(tcp(0, A, 40000, B, 80, SYN, 60))).isEqualTo(first.get(0));
    }

    private static List<String> reopenedThreeTimesInOneInstant(FlowTable t, List<FlowRecord> records) {
        List<String> ids = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            ids.add(t.process(tcp(0, A, 40000, B, 80, SYN, 60)));
            t.process(tcp(0, B, 80, A, 40000, RST | ACK, 60));
        }
        t.flushAll();
        assertThat(records).extracting(FlowRecord::flowId).containsExactlyInAnyOrderElementsOf(ids);
        return ids;
    }

    @Test
    void moreFlowsEndingInOneInstantThanTheTableHoldsAreCountedAsMaybeSharingIds() {
        table = new FlowTable(FlowTableConfig.defaults().withMaxFlows(2), out::add);
        for (int port = 1; port <= 5; port++) {
            table.process(udp(0, A, port, B, 53, 80));
        }
        // opening flows 3, 4 and 5 evicted flows 1, 2 and 3 in the instant they started: two are
        // remembered (the table's limit), the third is counted
        assertThat(table.stats().evicted()).isEqualTo(3);
        assertThat(table.stats().idsMaybeShared()).isEqualTo(1);
    }
}
