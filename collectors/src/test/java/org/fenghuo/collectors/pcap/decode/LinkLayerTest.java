package org.fenghuo.collectors.pcap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.decode.Packets.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkLayerTest {
    private final PacketDecoder decoder = new PacketDecoder();
    private static final byte[] IP4_UDP = ipv4(17, udp(5353, 53, bytes(10, 1)));
    private static final byte[] IP6_UDP = ipv6(17, udp(5353, 53, bytes(10, 1)));

    private DecodeResult decode(int linkType, byte[] frame) {
        // A non-zero offset checks that every layer honours it.
        byte[] padded = concat(new byte[3], frame, new byte[2]);
        return decoder.decode(linkType, 1_000L, frame.length, padded, 3, frame.length);
    }

    private void assertUdp4(int networkOffset) {
        PacketView v = decoder.view();
        assertThat(v.networkOffset()).isEqualTo(3 + networkOffset);
        assertThat(v.ipVersion()).isEqualTo(4);
        assertThat(v.srcPort()).isEqualTo(5353);
        assertThat(v.dstPort()).isEqualTo(53);
        assertThat(v.payloadLength()).isEqualTo(10);
    }

    @Test
    void ethernetIpv4AndIpv6() {
        assertThat(decode(1, ethernet(0x0800, IP4_UDP))).isEqualTo(DecodeResult.DECODED);
        assertUdp4(14);
        assertThat(decoder.view().vlanId()).isEqualTo(-1);
        assertThat(decoder.view().etherType()).isEqualTo(0x0800);
        assertThat(decoder.view().linkOffset()).isEqualTo(3);
        assertThat(decode(1, ethernet(0x86dd, IP6_UDP))).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().ipVersion()).isEqualTo(6);
        assertThat(decoder.view().networkOffset()).isEqualTo(3 + 14);
    }

    @Test
    void vlanKeepsOutermostId() {
        assertThat(decode(1, ethernetTagged(0x0800, IP4_UDP, 0x8100, 0x2064))).isEqualTo(DecodeResult.DECODED);
        assertUdp4(18);
        assertThat(decoder.view().vlanId()).isEqualTo(100);
        for (int outer : new int[] {0x88a8, 0x9100, 0x8100}) {
            assertThat(decode(1, ethernetTagged(0x0800, IP4_UDP, outer, 0x0123, 0x8100, 0x0456)))
                    .isEqualTo(DecodeResult.DECODED);
            assertUdp4(22);
            assertThat(decoder.view().vlanId()).isEqualTo(0x123);
            assertThat(decoder.view().innerVlans()).isEqualTo(0x456 + 1);
        }
        assertThat(decode(1, ethernetTagged(0x0800, IP4_UDP, 0x8100, 0x2064))).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().innerVlans()).isZero();
    }

    @Test
    void innerVlansKeepTheSecondAndThirdTagOnly() {
        assertThat(decode(1, ethernetTagged(0x0800, IP4_UDP, 0x88a8, 1, 0x8100, 10, 0x8100, 100, 0x8100, 7)))
                .isEqualTo(DecodeResult.DECODED);
        assertUdp4(30);
        assertThat(decoder.view().vlanId()).isEqualTo(1);
        assertThat(decoder.view().innerVlans()).isEqualTo((10 + 1) | (100 + 1) << 13);
        assertThat(decode(1, ethernetTagged(0x0800, IP4_UDP, 0x88a8, 1, 0x8100, 0))).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().innerVlans()).as("inner VLAN 0 is not 'no inner tag'").isEqualTo(1);
    }

    @Test
    void tooManyVlanTagsAndTruncatedTags() {
        int[] tags = new int[10];
        for (int i = 0; i < tags.length; i += 2) {
            tags[i] = 0x8100;
            tags[i + 1] = i;
        }
        assertThat(decode(1, ethernetTagged(0x0800, IP4_UDP, tags))).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.TOO_MANY_VLAN_TAGS);
        byte[] cut = ethernetTagged(0x0800, new byte[0], 0x8100, 5);
        assertThat(decode(1, java.util.Arrays.copyOf(cut, 16))).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.TRUNCATED_LINK_HEADER);
    }

    @Test
    void arpIsNotIpAndCountedByEthertype() {
        assertThat(decode(1, ethernet(0x0806, new byte[28]))).isEqualTo(DecodeResult.NOT_IP);
        assertThat(decoder.lastNotIpReason()).isEqualTo(NotIpReason.NON_IP_ETHERTYPE);
        assertThat(decoder.view().etherType()).isEqualTo(0x0806);
        assertThat(decoder.stats().notIpByEthertype(0x0806)).isEqualTo(1);
        assertThat(decoder.stats().notIpEthertypes()).containsEntry(0x0806, 1L);
        assertThat(decoder.lastMalformedReason()).isNull();
    }

    @Test
    void linuxCookedV1AndV2() {
        assertThat(decode(113, sll(0x0800, IP4_UDP))).isEqualTo(DecodeResult.DECODED);
        assertUdp4(16);
        assertThat(decode(276, sll2(0x0800, IP4_UDP))).isEqualTo(DecodeResult.DECODED);
        assertUdp4(20);
        assertThat(decode(276, sll2(0x86dd, IP6_UDP))).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().ipVersion()).isEqualTo(6);
        assertThat(decode(113, sll(0x8100, concat(new byte[] {0, 7, 8, 0}, IP4_UDP)))).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().vlanId()).isEqualTo(7);
        assertThat(decode(113, sll(0x0806, new byte[28]))).isEqualTo(DecodeResult.NOT_IP);
        assertThat(decode(113, new byte[15])).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decode(276, new byte[19])).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.TRUNCATED_LINK_HEADER);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 12, 14})
    void rawIpByVersionNibble(int linkType) {
        assertThat(decode(linkType, IP4_UDP)).isEqualTo(DecodeResult.DECODED);
        assertUdp4(0);
        assertThat(decoder.view().etherType()).isEqualTo(0x0800);
        assertThat(decode(linkType, IP6_UDP)).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().ipVersion()).isEqualTo(6);
        assertThat(decode(linkType, new byte[] {0x50, 0, 0, 0})).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.BAD_IP_VERSION);
        assertThat(decode(linkType, new byte[0])).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.TRUNCATED_IP_HEADER);
    }

    @Test
    void fixedVersionLinkTypesCheckTheVersion() {
        assertThat(decode(228, IP4_UDP)).isEqualTo(DecodeResult.DECODED);
        assertThat(decode(229, IP6_UDP)).isEqualTo(DecodeResult.DECODED);
        assertThat(decode(228, IP6_UDP)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.BAD_IP_VERSION);
        assertThat(decode(229, IP4_UDP)).isEqualTo(DecodeResult.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 28, 30})
    void nullAndLoopIpv6Families(int af) {
        assertThat(decode(0, nullLittleEndian(af, IP6_UDP))).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().ipVersion()).isEqualTo(6);
        assertThat(decode(0, nullBigEndian(af, IP6_UDP))).isEqualTo(DecodeResult.DECODED);
        assertThat(decode(108, nullBigEndian(af, IP6_UDP))).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().networkOffset()).isEqualTo(3 + 4);
    }

    @Test
    void nullAndLoopIpv4AndOthers() {
        assertThat(decode(0, nullLittleEndian(2, IP4_UDP))).isEqualTo(DecodeResult.DECODED);
        assertUdp4(4);
        assertThat(decode(0, nullBigEndian(2, IP4_UDP))).isEqualTo(DecodeResult.DECODED);
        assertThat(decode(108, nullBigEndian(2, IP4_UDP))).isEqualTo(DecodeResult.DECODED);
        // OpenBSD loop is network order only: a little-endian 2 is some other family.
        assertThat(decode(108, nullLittleEndian(2, IP4_UDP))).isEqualTo(DecodeResult.NOT_IP);
        assertThat(decode(0, nullLittleEndian(7, IP4_UDP))).isEqualTo(DecodeResult.NOT_IP);
        assertThat(decoder.lastNotIpReason()).isEqualTo(NotIpReason.NON_IP_ADDRESS_FAMILY);
        assertThat(decode(0, new byte[3])).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.TRUNCATED_LINK_HEADER);
    }

    @Test
    void unknownLinkTypeIsNotIp() {
        assertThat(decode(147, IP4_UDP)).isEqualTo(DecodeResult.NOT_IP);
        assertThat(decoder.lastNotIpReason()).isEqualTo(NotIpReason.UNSUPPORTED_LINK_TYPE);
        assertThat(decoder.stats().notIp(NotIpReason.UNSUPPORTED_LINK_TYPE)).isEqualTo(1);
    }

    @Test
    void truncatedEthernetHeader() {
        assertThat(decode(1, new byte[13])).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.TRUNCATED_LINK_HEADER);
        assertThat(decoder.stats().malformed(MalformedReason.TRUNCATED_LINK_HEADER)).isEqualTo(1);
    }

    @Test
    void invalidBufferArgumentsAreReportedNotThrown() {
        byte[] b = new byte[10];
        assertThat(decoder.decode(1, 0, 10, null, 0, 10)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.decode(1, 0, 10, b, 5, 10)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.decode(1, 0, 10, b, -1, 5)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.decode(1, 0, 10, b, 0, -5)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.decode(1, 0, 10, b, Integer.MAX_VALUE, 10)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.stats().malformed(MalformedReason.INVALID_BUFFER)).isEqualTo(5);
    }
}
