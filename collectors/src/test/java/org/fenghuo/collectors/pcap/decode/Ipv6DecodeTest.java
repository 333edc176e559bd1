package org.fenghuo.collectors.pcap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.decode.Packets.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv6DecodeTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private final PacketView v = decoder.view();

    private DecodeResult raw(byte[] ip) {
        return decoder.decode(101, 7L, ip.length, ip, 0, ip.length);
    }

    private void assertMalformed(byte[] ip, MalformedReason reason) {
        assertThat(raw(ip)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(reason);
    }

    @Test
    void tcpOverIpv6EveryField() {
        byte[] ip = ipv6(6, tcp(2222, 22, 5, 6, 0x11, 300, 0, bytes(33, 0)));
        assertThat(raw(ip)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.ipVersion()).isEqualTo(6);
        assertThat(v.addressLength()).isEqualTo(16);
        assertThat(Arrays.copyOfRange(ip, v.srcAddressOffset(), v.srcAddressOffset() + 16)).isEqualTo(SRC6);
        assertThat(Arrays.copyOfRange(ip, v.dstAddressOffset(), v.dstAddressOffset() + 16)).isEqualTo(DST6);
        assertThat(v.hopLimit()).isEqualTo(55);
        assertThat(v.protocol()).isEqualTo(6);
        assertThat(v.transportOffset()).isEqualTo(40);
        assertThat(v.srcPort()).isEqualTo(2222);
        assertThat(v.dstPort()).isEqualTo(22);
        assertThat(v.tcpSeq()).isEqualTo(5);
        assertThat(v.tcpAck()).isEqualTo(6);
        assertThat(v.tcpFlags()).isEqualTo(0x11);
        assertThat(v.tcpWindow()).isEqualTo(300);
        assertThat(v.payloadOffset()).isEqualTo(60);
        assertThat(v.payloadLength()).isEqualTo(33);
        assertThat(v.ipId()).isEqualTo(-1);
    }

    @Test
    void icmpv6() {
        assertThat(raw(ipv6(58, icmp(135, 0, new byte[20])))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.icmpType()).isEqualTo(135);
        assertThat(v.icmpCode()).isZero();
        assertThat(v.protocol()).isEqualTo(58);
    }

    @Test
    void extensionChainIsWalked() {
        // hop-by-hop (16) -> routing (8) -> AH (24) -> mobility (8) -> destination options (24) -> UDP
        byte[] chain = concat(ext(43, 1), ext(51, 0), ah(135), ext(60, 0), ext(17, 2), udp(546, 547, bytes(5, 0)));
        assertThat(raw(ipv6(0, chain))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.protocol()).isEqualTo(17);
        assertThat(v.transportOffset()).isEqualTo(40 + 16 + 8 + 24 + 8 + 24);
        assertThat(v.dstPort()).isEqualTo(547);
        assertThat(v.payloadLength()).isEqualTo(5);
    }

    @Test
    void noNextHeaderAndEsp() {
        assertThat(raw(ipv6(60, concat(ext(59, 0), new byte[4])))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.protocol()).isEqualTo(59);
        assertThat(v.srcPort()).isZero();
        assertThat(raw(ipv6(50, bytes(40, 0)))).isEqualTo(DecodeResult.DECODED);
        assertThat(v.protocol()).isEqualTo(50);
        assertThat(v.payloadLength()).isEqualTo(40);
    }

    @Test
    void atomicFragmentIsAWholeDatagram() {
        assertThat(raw(ipv6(44, concat(fragment6(17, 0, false, 99), udp(1, 2, new byte[3])))))
                .isEqualTo(DecodeResult.DECODED);
        assertThat(v.ipId()).isEqualTo(99);
        assertThat(v.dstPort()).isEqualTo(2);
        assertThat(decoder.stats().fragments()).isZero();
    }

    @Test
    void tooLongAndEndlessChains() {
        byte[][] nine = new byte[9][];
        for (int i = 0; i < nine.length; i++) {
            nine[i] = ext(i == 8 ? 17 : 60, 0);
        }
        assertMalformed(ipv6(60, concat(concat(nine), udp(1, 2, new byte[0]))), MalformedReason.EXTENSION_CHAIN_TOO_LONG);
        // Hop-by-hop headers pointing at hop-by-hop forever, up to a jumbo-sized packet.
        byte[] endless = new byte[8 * 4000];
        assertMalformed(ipv6(0, endless), MalformedReason.EXTENSION_CHAIN_TOO_LONG);
        assertThat(decoder.stats().malformed(MalformedReason.EXTENSION_CHAIN_TOO_LONG)).isEqualTo(2);

        byte[][] eight = Arrays.copyOfRange(nine, 1, 9);
        assertThat(raw(ipv6(60, concat(concat(eight), udp(1, 2, new byte[0]))))).isEqualTo(DecodeResult.DECODED);
    }

    @Test
    void malformedIpv6() {
        assertMalformed(new byte[] {0x60, 0, 0, 0}, MalformedReason.TRUNCATED_IP_HEADER);
        byte[] bad = ipv6(17, udp(1, 2, new byte[0]));
        bad[0] = 0x70;
        assertThat(decoder.decode(229, 0, bad.length, bad, 0, bad.length)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.BAD_IP_VERSION);
        assertMalformed(ipv6(60, Arrays.copyOf(ext(17, 3), 16)), MalformedReason.TRUNCATED_EXTENSION_HEADER);
        assertMalformed(ipv6(60, new byte[4]), MalformedReason.TRUNCATED_EXTENSION_HEADER);
        bad = ipv6(17, udp(1, 2, new byte[0]));
        put16(bad, 4, 3000);
        assertMalformed(bad, MalformedReason.IP_LENGTH_BEYOND_WIRE);
    }

    @Test
    void snapLengthTruncation() {
        byte[] ip = ipv6(17, udp(1, 2, new byte[500]));
        assertThat(decoder.decode(101, 0, ip.length, ip, 0, 100)).isEqualTo(DecodeResult.DECODED);
        assertThat(v.truncated()).isTrue();
        assertThat(v.payloadLength()).isEqualTo(52);
    }
}
