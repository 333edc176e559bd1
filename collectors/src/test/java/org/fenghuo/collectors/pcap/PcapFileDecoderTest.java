package org.fenghuo.collectors.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.junit.jupiter.api.Test;

/** The whole chain on a capture written here: read, decode, flows, events, dead letters. */
class PcapFileDecoderTest {
    private static final int LINKTYPE_RAW = 101;

    /** A little-endian microsecond pcap with raw-IP packets. */
    private static final class Pcap {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pcap() {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                    .putInt(LINKTYPE_RAW);
            out.writeBytes(header.array());
        }

        Pcap packet(long seconds, byte[] data) {
            return record(seconds, data, data.length);
        }

        Pcap record(long seconds, byte[] data, int declaredLength) {
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt((int) seconds).putInt(0).putInt(declaredLength).putInt(declaredLength);
            out.writeBytes(record.array());
            out.writeBytes(data);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static byte[] udp4(int[] src, int[] dst, int sport, int dport, int payload) {
        int total = 20 + 8 + payload;
        ByteBuffer p = ByteBuffer.allocate(total);
        p.put((byte) 0x45).put((byte) 0).putShort((short) total).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0);
        for (int b : src) {
            p.put((byte) b);
        }
        for (int b : dst) {
            p.put((byte) b);
        }
        p.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload)).putShort((short) 0);
        return p.array();
    }

    @Test
    void packetsBecomeOneBidirectionalFlowAndBadInputBecomesDeadLetters() throws Exception {
        int[] client = {10, 0, 0, 1};
        int[] server = {10, 0, 0, 53};
        byte[] badIhl = udp4(client, server, 1111, 53, 4);
        badIhl[0] = 0x43; // IHL 3: shorter than an IPv4 header can be
        byte[] capture = new Pcap()
                .packet(1_700_000_000L, udp4(client, server, 40000, 53, 30))
                .packet(1_700_000_001L, udp4(server, client, 53, 40000, 90))
                .packet(1_700_000_002L, badIhl)
                .record(1_700_000_003L, new byte[10], 60) // cut: claims 60 bytes, the file ends after 10
                .bytes();

        CollectingEventSink sink = new CollectingEventSink();
        PcapFileDecoder.Result result = new PcapFileDecoder(FlowTableConfig.defaults(), sink::event, sink)
                .decode(Path.of("dns.pcap"), new ByteArrayInputStream(capture));

        assertThat(sink.events()).singleElement().satisfies(flow -> {
            assertThat(flow.event().dataset()).isEqualTo("pcap.flow");
            assertThat(flow.source().ip()).isEqualTo("10.0.0.1");
            assertThat(flow.source().port()).isEqualTo(40000);
            assertThat(flow.source().packets()).isEqualTo(1);
            assertThat(flow.source().bytes()).isEqualTo(58);
            assertThat(flow.destination().ip()).isEqualTo("10.0.0.53");
            assertThat(flow.destination().bytes()).isEqualTo(118);
            assertThat(flow.network().transport()).isEqualTo("udp");
            assertThat(flow.network().communityId()).startsWith("1:");
        });
        assertThat(sink.deadLetters()).hasSize(2);
        assertThat(sink.deadLetters().get(0).reason()).startsWith("malformed packet 3");
        assertThat(sink.deadLetters().get(1).reason()).startsWith("capture file problem");
        assertThat(result.deadLetters()).isEqualTo(2);
        assertThat(result.capture().complete()).isFalse();
        assertThat(result.toStatusLine()).contains("packets=3").contains("flows=1").contains("malformed=1")
                .contains("dead_lettered=2");
    }

    @Test
    void anEmptyFileIsAProblemNotACrash() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        PcapFileDecoder.Result result = new PcapFileDecoder(FlowTableConfig.defaults(), sink::event, sink)
                .decode(Path.of("empty.pcap"), new ByteArrayInputStream(new byte[0]));
        assertThat(sink.events()).isEmpty();
        assertThat(sink.deadLetters()).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("capture file problem"));
        assertThat(result.capture().packets()).isZero();
    }

}
