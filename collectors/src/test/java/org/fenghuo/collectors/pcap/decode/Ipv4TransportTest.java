package org.fenghuo.collectors.pcap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.decode.Packets.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv4TransportTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final PacketView v = decoder.view();

    private DecodeResult raw(byte[] ip) {
        return decoder.decode(101, 42L, ip.length, ip, 0, ip.length);
    }

    private void assertMalformed(byte[] ip, MalformedReason reason) {
        assertThat(raw(ip)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(reason);
        assertThat(decoder.stats().malformed(reason)).isPositive();
    }

    @Test
    void tcpEveryField() {
        byte[] frame = ethernet(0x0800, ipv4(6, 0xbeef, 0x4000, 8,
                tcp(40000, 443, 0xfffffff0L, 0x01020304L, 0x18, 65535, 12, bytes(100, 3))));
        assertThat(decoder.decode(1, 123_456_789L, 1500, frame, 0, frame.length)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.timestampNanos()).isEqualTo(123_456_789L);
        assertThat(v.wireLength()).isEqualTo(1500);
        assertThat(v.ipVersion()).isEqualTo(4);
        assertThat(v.addressLength()).isEqualTo(4);
        assertThat(v.addressBytes()).isSameAs(frame);
        assertThat(Arrays.copyOfRange(frame, v.srcAddressOffset(), v.srcAddressOffset() + 4)).isEqualTo(SRC4);
        assertThat(Arrays.copyOfRange(frame, v.dstAddressOffset(), v.dstAddressOffset() + 4)).isEqualTo(DST4);
        assertThat(v.protocol()).isEqualTo(6);
        assertThat(v.hopLimit()).isEqualTo(64);
        assertThat(v.ipId()).isEqualTo(0xbeef);
        assertThat(v.dontFragment()).isTrue();
        assertThat(v.moreFragments()).isFalse();
        assertThat(v.networkOffset()).isEqualTo(14);
        assertThat(v.transportOffset()).isEqualTo(14 + 28);
        assertThat(v.srcPort()).isEqualTo(40000);
        assertThat(v.dstPort()).isEqualTo(443);
        assertThat(v.tcpSeq()).isEqualTo(0xfffffff0L);
        assertThat(v.tcpAck()).isEqualTo(0x01020304L);
        assertThat(v.tcpFlags()).isEqualTo(0x18);
        assertThat(v.tcpWindow()).isEqualTo(65535);
        assertThat(v.payloadOffset()).isEqualTo(14 + 28 + 32);
        assertThat(v.payloadLength()).isEqualTo(100);
        assertThat(v.data()[v.payloadOffset()]).isEqualTo(bytes(100, 3)[0]);
        assertThat(v.icmpType()).isEqualTo(-1);
        assertThat(v.icmpCode()).isEqualTo(-1);
        assertThat(v.truncated()).isFalse();
        assertThat(v.reassembled()).isFalse();
        assertThat(decoder.stats().decoded()).isEqualTo(1);
    }

    @Test
    void udpIcmpSctpAndOtherProtocols() {
        assertThat(raw(ipv4(17, udp(1234, 53, bytes(20, 0))))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.srcPort()).isEqualTo(1234);
        assertThat(v.dstPort()).isEqualTo(53);
        assertThat(v.payloadOffset()).isEqualTo(28);
        assertThat(v.payloadLength()).isEqualTo(20);
        assertThat(v.tcpFlags()).isZero();

        assertThat(raw(ipv4(1, icmp(8, 0, bytes(60, 0))))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.icmpType()).isEqualTo(8);
        assertThat(v.icmpCode()).isZero();
        assertThat(v.srcPort()).isZero();
        assertThat(v.payloadLength()).isEqualTo(60);

        assertThat(raw(ipv4(132, sctp(2905, 2906)))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.srcPort()).isEqualTo(2905);
        assertThat(v.dstPort()).isEqualTo(2906);
        assertThat(v.payloadLength()).isEqualTo(16);

        assertThat(raw(ipv4(47, bytes(24, 0)))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.protocol()).isEqualTo(47);
        assertThat(v.srcPort()).isZero();
        assertThat(v.icmpType()).isEqualTo(-1);
        assertThat(v.payloadLength()).isEqualTo(24);
    }

    @Test
    void ethernetPaddingIsNotPayload() {
        byte[] frame = concat(ethernet(0x0800, ipv4(17, udp(1, 2, new byte[2]))), new byte[16]);
        assertThat(decoder.decode(1, 0, frame.length, frame, 0, frame.length)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.payloadLength()).isEqualTo(2);
        assertThat(v.ipEnd()).isEqualTo(14 + 30);
    }

    @Test
    void snapLengthTruncationDecodesWhatIsThere() {
        byte[] ip = ipv4(6, tcp(80, 5000, 0x10, bytes(1000, 0)));
        assertThat(decoder.decode(101, 0, ip.length, ip, 0, 60)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.truncated()).isTrue();
        assertThat(v.srcPort()).isEqualTo(80);
        assertThat(v.payloadLength()).isEqualTo(20);
        assertThat(decoder.stats().truncated()).isEqualTo(1);

        byte[] withOptions = ipv4(6, tcp(80, 5000, 1, 2, 0x02, 100, 20, new byte[0]));
        assertThat(decoder.decode(101, 0, withOptions.length, withOptions, 0, 48)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.truncated()).isTrue();
        assertThat(v.tcpFlags()).isEqualTo(0x02);
        assertThat(v.payloadLength()).isZero();
    }

    @Test
    void zeroTotalLengthIsSegmentationOffload() {
        byte[] ip = ipv4(6, tcp(80, 5000, 0x10, bytes(3000, 0)));
        put16(ip, 2, 0);
        assertThat(raw(ip)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.payloadLength()).isEqualTo(3000);

        // BIG TCP: more than 64 KiB in one frame, IP and UDP lengths both 0 (here a VXLAN-like UDP).
        byte[] big = ipv4(17, udp(4789, 4789, new byte[70_000]));
        put16(big, 2, 0);
        put16(big, 24, 0);
        assertThat(raw(big)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.payloadLength()).isEqualTo(70_000);
    }

    @Test
    void malformedIpv4Headers() {
        assertMalformed(Arrays.copyOf(ipv4(17, udp(1, 2, new byte[0])), 19), MalformedReason.TRUNCATED_IP_HEADER);
        byte[] bad = ipv4(17, udp(1, 2, new byte[0]));
        bad[0] = 0x45 | 0x10; // version 5
        assertMalformed(bad, MalformedReason.BAD_IP_VERSION);
        bad = ipv4(17, udp(1, 2, new byte[0]));
        bad[0] = 0x44;
        assertMalformed(bad, MalformedReason.BAD_IHL);
        bad = ipv4(17, udp(1, 2, new byte[20]));
        bad[0] = 0x4f; // 60-byte header in a 48-byte packet
        assertMalformed(Arrays.copyOf(bad, 40), MalformedReason.TRUNCATED_IP_HEADER);
        bad = ipv4(17, udp(1, 2, new byte[0]));
        put16(bad, 2, 19);
        assertMalformed(bad, MalformedReason.TOTAL_LENGTH_BELOW_HEADER);
        bad = ipv4(17, udp(1, 2, new byte[0]));
        put16(bad, 2, 9000);
        assertMalformed(bad, MalformedReason.IP_LENGTH_BEYOND_WIRE);
    }

    @Test
    void malformedTransportHeaders() {
        assertMalformed(ipv4(6, new byte[19]), MalformedReason.TRUNCATED_TRANSPORT_HEADER);
        assertMalformed(ipv4(17, new byte[7]), MalformedReason.TRUNCATED_TRANSPORT_HEADER);
        assertMalformed(ipv4(1, new byte[3]), MalformedReason.TRUNCATED_TRANSPORT_HEADER);
        assertMalformed(ipv4(132, new byte[11]), MalformedReason.TRUNCATED_TRANSPORT_HEADER);

        byte[] t = tcp(1, 2, 0x02, new byte[8]);
        t[12] = 0x40; // data offset 4 words
        assertMalformed(ipv4(6, t), MalformedReason.BAD_TCP_DATA_OFFSET);
        t[12] = (byte) 0xf0; // 60 bytes in a 28-byte segment
        assertMalformed(ipv4(6, t), MalformedReason.BAD_TCP_DATA_OFFSET);

        byte[] u = udp(1, 2, new byte[8]);
        put16(u, 4, 7);
        assertMalformed(ipv4(17, u), MalformedReason.UDP_LENGTH_MISMATCH);
        put16(u, 4, 17);
        assertMalformed(ipv4(17, u), MalformedReason.UDP_LENGTH_MISMATCH);
        put16(u, 4, 10); // shorter than the IP payload: the rest is not UDP's
        assertThat(raw(ipv4(17, u))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.payloadLength()).isEqualTo(2);
    }
}
