package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.netflow.NetflowTsharkConformanceTest.extra;
import static org.fenghuo.collectors.netflow.NetflowTsharkConformanceTest.netflow;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fenghuo.collectors.netflow.Exports.Bytes;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class NetflowDecoderTest {

    @Test
    void v5RecordsBecomeEcsFlowsWithTheSamplingIntervalRecorded() {
        ByteBuffer b = Exports.v5Header(2, 100, 0x4000 | 64);
        Exports.v5Record(b, 1);
        Exports.v5Record(b, 2);
        DecoderHarness h = new DecoderHarness().feed(b.array());

        assertThat(h.events).hasSize(2);
        SecurityEvent e = h.events.get(0);
        assertThat(e.event().kind()).isEqualTo("event");
        assertThat(e.event().category()).containsExactly("network");
        assertThat(e.event().type()).containsExactly("connection");
        assertThat(e.event().module()).isEqualTo("netflow");
        assertThat(e.event().dataset()).isEqualTo("netflow.flow");
        assertThat(e.source().ip()).isEqualTo("10.1.1.1");
        assertThat(e.source().port()).isEqualTo(5353);
        assertThat(e.source().bytes()).isEqualTo(180L);
        assertThat(e.source().packets()).isEqualTo(3L);
        assertThat(e.destination().ip()).isEqualTo("10.2.2.2");
        assertThat(e.destination().port()).isEqualTo(53);
        assertThat(e.network().transport()).isEqualTo("udp");
        assertThat(e.network().ianaNumber()).isEqualTo("17");
        assertThat(e.network().bytes()).isEqualTo(180L);
        assertThat(e.observer().ip()).containsExactly("192.0.2.9");
        assertThat(extra(e, "observer", "ingress", "interface", "id")).isEqualTo("5");
        assertThat(extra(e, "observer", "egress", "interface", "id")).isEqualTo("6");
        // uptime 10 s at export: first switched 4 s and last 9 s are 6 s and 1 s before export
        Instant export = Instant.ofEpochSecond(Exports.EXPORT_SECONDS);
        assertThat(e.event().start()).isEqualTo(export.minusSeconds(6));
        assertThat(e.event().end()).isEqualTo(export.minusSeconds(1));
        assertThat(e.event().duration()).isEqualTo(5_000_000_000L);
        assertThat(e.timestamp()).isEqualTo(e.event().end());
        assertThat(netflow(e, "sampling_interval")).isEqualTo(64L);
        assertThat(netflow(e, "version")).isEqualTo(5);
        assertThat(netflow(e, "ipNextHopIPv4Address")).isEqualTo("10.0.0.254");
        assertThat(netflow(e, "bgpSourceAsNumber")).isEqualTo(64512L);
        assertThat(netflow(e, "sourceIPv4PrefixLength")).isEqualTo(24L);
        assertThat(h.stats().records()).isEqualTo(2);
    }

    @Test
    void eventIdsAreTheSameOnReplayAndDifferPerRecord() {
        ByteBuffer b = Exports.v5Header(2, 100, 0);
        Exports.v5Record(b, 1);
        Exports.v5Record(b, 2);
        DecoderHarness first = new DecoderHarness().feed(b.array());
        DecoderHarness replay = new DecoderHarness().later(3600).feed(b.array());
        DecoderHarness otherExporter = new DecoderHarness().feed("192.0.2.10", b.array());

        List<String> ids = first.events.stream().map(e -> e.event().id()).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(2);
        assertThat(replay.events).extracting(e -> e.event().id()).isEqualTo(ids);
        assertThat(otherExporter.events).extracting(e -> e.event().id()).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void v5SequenceGapsCountLostFlows() {
        DecoderHarness h = new DecoderHarness();
        ByteBuffer one = Exports.v5Header(1, 100, 0);
        Exports.v5Record(one, 1);
        ByteBuffer next = Exports.v5Header(1, 106, 0); // 101 expected: flows 101..105 lost
        Exports.v5Record(next, 2);
        h.feed(one.array()).feed(next.array());
        assertThat(h.stats().lostFlows()).isEqualTo(5);
    }

    @Test
    void v9TemplateAndDataInOneDatagram() {
        Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
        Exports.v9FlowRecord(records, 2, 40, 1);
        DecoderHarness h = new DecoderHarness().feed(Exports.v9(1, 7, 10_000,
                Exports.set(0, Exports.v9FlowTemplate(256)), Exports.set(256, records)));

        assertThat(h.events).hasSize(2);
        SecurityEvent e = h.events.get(0);
        assertThat(e.source().ip()).isEqualTo("10.0.0.1");
        assertThat(e.source().port()).isEqualTo(40001);
        assertThat(e.destination().port()).isEqualTo(443);
        assertThat(e.network().transport()).isEqualTo("tcp");
        assertThat(e.source().bytes()).isEqualTo(1500L);
        assertThat(netflow(e, "tcpControlBits")).isEqualTo(0x1bL);
        assertThat(netflow(e, "source_id")).isEqualTo(7L);
        assertThat(netflow(e, "template_id")).isEqualTo(256);
        assertThat(e.event().start()).isEqualTo(Instant.ofEpochSecond(Exports.EXPORT_SECONDS).minusSeconds(1));
        assertThat(h.stats().templates()).isEqualTo(1);
    }

    @Test
    void uptimesAcrossThe32BitWrapStayInThePast() {
        // the exporter's uptime counter wrapped 1 s ago; the flow started 8.2 s and ended 2.3 s before the wrap
        ByteBuffer b = Exports.v5Header(1, 100, 0);
        Exports.v5Record(b, 1);
        b.putInt(4, 1_000);
        b.putInt(24 + 24, (int) 4_294_959_096L);
        b.putInt(24 + 28, (int) 4_294_964_996L);
        SecurityEvent e = new DecoderHarness().feed(b.array()).last();
        Instant export = Instant.ofEpochSecond(Exports.EXPORT_SECONDS);
        assertThat(e.event().start()).isEqualTo(export.minusMillis(9_200));
        assertThat(e.event().end()).isEqualTo(export.minusMillis(3_300));
    }

    @Test
    void dataBeforeItsTemplateIsHeldThenDecodedWithItsOwnDatagramsId() {
        Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
        byte[] data = Exports.v9(1, 7, 10_000, Exports.set(256, records));
        DecoderHarness h = new DecoderHarness().feed(data);
        assertThat(h.events).isEmpty();
        assertThat(h.stats().pending()).isEqualTo(1);

        h.later(5).feed(Exports.v9(2, 7, 15_000, Exports.set(0, Exports.v9FlowTemplate(256))));
        assertThat(h.events).hasSize(1);
        assertThat(h.stats().pending()).isZero();
        assertThat(h.last().source().ip()).isEqualTo("10.0.0.1");
        // timed by the datagram it came in, not the one that brought the template
        assertThat(h.last().event().created()).isEqualTo(DecoderHarness.START);
        DecoderHarness direct = new DecoderHarness().feed(Exports.v9(0, 7, 10_000,
                Exports.set(0, Exports.v9FlowTemplate(256)))).feed(data);
        assertThat(direct.last().event().id()).isEqualTo(h.last().event().id());
    }

    @Test
    void templatesArePerExporterAndSourceId() {
        DecoderHarness h = new DecoderHarness();
        h.feed(Exports.v9(1, 7, 10_000, Exports.set(0, Exports.v9FlowTemplate(256))));
        Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
        h.feed(Exports.v9(2, 8, 10_000, Exports.set(256, records)));           // other source id
        h.feed("192.0.2.77", Exports.v9(2, 7, 10_000, Exports.set(256, records))); // other exporter
        assertThat(h.events).isEmpty();
        assertThat(h.stats().pending()).isEqualTo(2);
        h.feed(Exports.v9(2, 7, 10_000, Exports.set(256, records)));
        assertThat(h.events).hasSize(1);
    }

    @Test
    void v9SequenceCountsPacketsNotFlows() {
        DecoderHarness h = new DecoderHarness();
        Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
        Exports.v9FlowRecord(records, 2, 1500, 3);
        h.feed(Exports.v9(10, 7, 10_000, Exports.set(0, Exports.v9FlowTemplate(256)), Exports.set(256, records)));
        h.feed(Exports.v9(11, 7, 10_000, Exports.set(256, records)));
        assertThat(h.stats().lostFlows()).isZero();
        h.feed(Exports.v9(14, 7, 10_000, Exports.set(256, records))); // packets 12 and 13 lost
        assertThat(h.stats().lostFlows()).isEqualTo(2);
    }

    @Test
    void v9OptionsDataGivesTheSamplingIntervalOfLaterFlows() {
        // options template 257: scope system (4 bytes); samplingInterval (34, 4), samplingAlgorithm (35, 1)
        Bytes options = new Bytes().u16(257).u16(4).u16(8).u16(1).u16(4).u16(34).u16(4).u16(35).u16(1).u16(0);
        Bytes optionsData = new Bytes().u32(0).u32(100).u8(2).u8(0).u8(0).u8(0);
        Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
        DecoderHarness h = new DecoderHarness().feed(Exports.v9(1, 7, 10_000, Exports.set(1, options),
                Exports.set(257, optionsData), Exports.set(0, Exports.v9FlowTemplate(256)), Exports.set(256, records)));

        assertThat(h.events).hasSize(2);
        SecurityEvent opt = h.events.get(0);
        assertThat(opt.event().dataset()).isEqualTo("netflow.options");
        assertThat(opt.event().type()).containsExactly("info");
        assertThat(netflow(opt, "scope_system")).isEqualTo(0L);
        assertThat(netflow(opt, "samplingAlgorithm")).isEqualTo(2L);
        assertThat(netflow(h.last(), "sampling_interval")).isEqualTo(100L);
        assertThat(h.stats().optionsRecords()).isEqualTo(1);
    }

    @Test
    void ipfixVariableLengthEnterpriseAndReverseFields() {
        // template 300: sourceIPv6Address, destinationIPv6Address, protocolIdentifier, octetDeltaCount,
        // reverse octetDeltaCount (PEN 29305), interfaceName (variable), PEN 9 element 1234 (2 bytes),
        // flowStartMilliseconds, flowEndMilliseconds
        Bytes t = new Bytes().u16(300).u16(9).u16(27).u16(16).u16(28).u16(16).u16(4).u16(1).u16(1).u16(8)
                .u16(0x8001).u16(8).u32(29305).u16(82).u16(65535).u16(0x8000 | 1234).u16(2).u32(9)
                .u16(152).u16(8).u16(153).u16(8);
        long start = 1_704_067_190_123L;
        byte[] v6a = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        byte[] v6b = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
        Bytes r = new Bytes().raw(v6a).raw(v6b).u8(17).u64(1000).u64(250).u8(4).raw("eth0".getBytes())
                .u16(0xbeef).u64(start).u64(start + 2500);
        Bytes longName = new Bytes().raw(v6a).raw(v6b).u8(17).u64(1).u64(2).u8(255).u16(300).raw(new byte[300])
                .u16(1).u64(start).u64(start);
        DecoderHarness h = new DecoderHarness().feed(Exports.ipfix(0, 42, Exports.set(2, t), Exports.set(300, r),
                Exports.set(300, longName)));

        assertThat(h.events).hasSize(2);
        SecurityEvent e = h.events.get(0);
        assertThat(e.source().ip()).isEqualTo("2001:db8::1");
        assertThat(e.destination().ip()).isEqualTo("2001:db8::2");
        assertThat(e.network().type()).isEqualTo("ipv6");
        assertThat(e.source().bytes()).isEqualTo(1000L);
        assertThat(e.destination().bytes()).isEqualTo(250L);
        assertThat(e.network().bytes()).isEqualTo(1250L);
        assertThat(netflow(e, "interfaceName")).isEqualTo("eth0");
        assertThat(netflow(e, "e9_1234")).isEqualTo("beef");
        assertThat(netflow(e, "observation_domain_id")).isEqualTo(42L);
        assertThat(e.event().start()).isEqualTo(Instant.ofEpochMilli(start));
        assertThat(e.event().duration()).isEqualTo(2_500_000_000L);
        assertThat(netflow(h.last(), "interfaceName")).isEqualTo("");
    }

    @Test
    void ipfixWithdrawalForgetsTheTemplateAndSequenceCountsRecords() {
        Bytes t = new Bytes().u16(300).u16(2).u16(8).u16(4).u16(12).u16(4);
        Bytes r = new Bytes().ip(10, 0, 0, 1).ip(10, 0, 0, 2).ip(10, 0, 0, 3).ip(10, 0, 0, 4);
        DecoderHarness h = new DecoderHarness();
        h.feed(Exports.ipfix(0, 1, Exports.set(2, t), Exports.set(300, r)));
        assertThat(h.events).hasSize(2);
        h.feed(Exports.ipfix(2, 1, Exports.set(2, new Bytes().u16(300).u16(0))));
        h.feed(Exports.ipfix(2, 1, Exports.set(300, r)));
        assertThat(h.events).hasSize(2);
        assertThat(h.stats().pending()).isEqualTo(1);
        assertThat(h.stats().templatesActive()).isZero();
        assertThat(h.stats().lostFlows()).isZero();

        DecoderHarness gaps = new DecoderHarness();
        gaps.feed(Exports.ipfix(0, 1, Exports.set(2, t), Exports.set(300, r)));
        gaps.feed(Exports.ipfix(5, 1, Exports.set(300, r))); // 2 expected: records 2, 3, 4 lost
        assertThat(gaps.stats().lostFlows()).isEqualTo(3);
    }

    @Test
    void templatesExpire() {
        NetflowConfig config = NetflowConfig.defaults().withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(600));
        DecoderHarness h = new DecoderHarness(config);
        Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
        h.feed(Exports.v9(1, 7, 10_000, Exports.set(0, Exports.v9FlowTemplate(256))));
        h.later(61).feed(Exports.v9(2, 7, 10_000, Exports.set(256, records)));
        assertThat(h.events).isEmpty();
        assertThat(h.stats().pending()).isEqualTo(1);
        assertThat(h.stats().templatesActive()).isZero();
    }
}
