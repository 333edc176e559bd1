package org.fenghuo.collectors.pcap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.decode.Packets.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FragmentReassemblyTest {
    private static final long SECOND = 1_000_000_000L;
    private static final byte[] PAYLOAD = bytes(3000, 11);
    private static final byte[] UDP = udp(4000, 4001, PAYLOAD);

    private PacketDecoder decoder = new PacketDecoder();

    /** IPv4 fragments of {@link #UDP} of {@code size} bytes each (a multiple of 8), id as given. */
    private static List<byte[]> fragments4(int id, int size) {
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off < UDP.length; off += size) {
            int end = Math.min(UDP.length, off + size);
            int field = (end < UDP.length ? 0x2000 : 0) | off / 8;
            out.add(ipv4(17, id, field, off == 0 ? 4 : 0, Arrays.copyOfRange(UDP, off, end)));
        }
        return out;
    }

    private static List<byte[]> fragments6(long id, int size) {
        List<byte[]> out = new ArrayList<>();
        for (int off = 0; off < UDP.length; off += size) {
            int end = Math.min(UDP.length, off + size);
            out.add(ipv6(44, concat(fragment6(17, off, end < UDP.length, id), Arrays.copyOfRange(UDP, off, end))));
        }
        return out;
    }

    private DecodeResult feed(byte[] ip, long ts) {
        byte[] frame = ethernet(ip[0] >>> 4 == 4 ? 0x0800 : 0x86dd, ip);
        return decoder.decode(1, ts, frame.length, frame, 0, frame.length);
    }

    private void assertReassembledUdp(int version) {
        PacketView v = decoder.view();
        assertThat(v.reassembled()).isTrue();
        assertThat(v.ipVersion()).isEqualTo(version);
        assertThat(v.protocol()).isEqualTo(17);
        assertThat(v.srcPort()).isEqualTo(4000);
        assertThat(v.dstPort()).isEqualTo(4001);
        assertThat(v.payloadLength()).isEqualTo(PAYLOAD.length);
        assertThat(Arrays.copyOfRange(v.data(), v.payloadOffset(), v.payloadOffset() + v.payloadLength()))
                .isEqualTo(PAYLOAD);
        byte[] src = version == 4 ? SRC4 : SRC6;
        assertThat(Arrays.copyOfRange(v.addressBytes(), v.srcAddressOffset(), v.srcAddressOffset() + src.length))
                .isEqualTo(src);
        assertThat(v.fragmentOffset()).isZero();
        assertThat(v.moreFragments()).isFalse();
        assertThat(v.linkOffset()).isEqualTo(-1);
    }

    @Test
    void ipv4InOrder() {
        List<byte[]> f = fragments4(7, 1024);
        assertThat(f).hasSize(3);
        assertThat(feed(f.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(f.get(1), 1)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(decoder.reassembliesInProgress()).isEqualTo(1);
        assertThat(feed(f.get(2), 2)).isEqualTo(DecodeResult.DECODED);
        assertReassembledUdp(4);
        assertThat(decoder.view().ipId()).isEqualTo(7);
        assertThat(decoder.view().timestampNanos()).isEqualTo(2);
        int wire = f.stream().mapToInt(b -> b.length + 14).sum();
        assertThat(decoder.view().wireLength()).isEqualTo(wire);
        assertThat(decoder.stats().reassembled()).isEqualTo(1);
        assertThat(decoder.stats().fragments()).isEqualTo(3);
        assertThat(decoder.stats().fragmentsPending()).isEqualTo(2);
        assertThat(decoder.reassembliesInProgress()).isZero();
    }

    @Test
    void ipv4OutOfOrderAndDuplicated() {
        List<byte[]> f = fragments4(8, 512);
        List<byte[]> order = new ArrayList<>(f);
        java.util.Collections.reverse(order);
        order.add(2, f.get(3)); // an exact duplicate
        DecodeResult last = null;
        for (byte[] b : order) {
            last = feed(b, 0);
        }
        assertThat(last).isEqualTo(DecodeResult.DECODED);
        assertReassembledUdp(4);
        assertThat(decoder.stats().fragmentDuplicates()).isEqualTo(1);
    }

    @Test
    void ipv4OverlapDropsTheDatagram() {
        List<byte[]> f = fragments4(9, 1024);
        assertThat(feed(f.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        byte[] overlapping = ipv4(17, 9, 0x2000 | 64, 0, new byte[1024]); // offset 512 of a 1024 first piece
        assertThat(feed(overlapping, 0)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.FRAGMENT_OVERLAP);
        assertThat(decoder.stats().fragmentOverlaps()).isEqualTo(1);
        assertThat(decoder.reassembliesInProgress()).isZero();
        // Two different ends for one datagram are an overlap too.
        assertThat(feed(f.get(2), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(ipv4(17, 9, 1, 0, new byte[8]), 0)).isEqualTo(DecodeResult.MALFORMED);
    }

    @Test
    void neverCompletedTimesOut() {
        List<byte[]> f = fragments4(10, 1024);
        assertThat(feed(f.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(f.get(1), 29 * SECOND)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(decoder.reassembliesInProgress()).isEqualTo(1);
        // Any packet advances the capture clock, fragment or not.
        assertThat(feed(ipv4(17, udp(1, 2, new byte[0])), 31 * SECOND)).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.reassembliesInProgress()).isZero();
        assertThat(decoder.stats().evictedByTimeout()).isEqualTo(1);
        // The last piece now opens a new datagram that cannot complete.
        assertThat(feed(f.get(2), 32 * SECOND)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        decoder.expireFragments(100 * SECOND);
        assertThat(decoder.stats().evictedByTimeout()).isEqualTo(2);
    }

    @Test
    void datagramsStillIncompleteWhenTheCaptureEndsAreCountedNotDroppedSilently() {
        List<byte[]> f = fragments4(12, 1024);
        assertThat(feed(f.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        List<byte[]> g = fragments4(13, 1024);
        for (byte[] piece : g) {
            feed(piece, SECOND);
        }
        assertThat(decoder.stats().fragmentsStatus()).isEqualTo("fragments=4 reassembled=1");

        decoder.finish();

        assertThat(decoder.reassembliesInProgress()).isZero();
        assertThat(decoder.stats().incompleteAtEnd()).isEqualTo(1);
        assertThat(decoder.stats().reassembliesAbandoned()).isEqualTo(1);
        assertThat(decoder.stats().fragmentsStatus())
                .isEqualTo("fragments=4 reassembled=1 reassemblies_abandoned=1 (timeout=0 limit=0 at_end=1)");
    }

    @Test
    void tooManyConcurrentEvictsTheOldest() {
        decoder = new PacketDecoder(new DecoderConfig(4, 65535, 30 * SECOND, 8, 4));
        for (int id = 0; id < 6; id++) {
            assertThat(feed(fragments4(id, 1024).get(0), id)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        }
        assertThat(decoder.reassembliesInProgress()).isEqualTo(4);
        assertThat(decoder.stats().evictedByLimit()).isEqualTo(2);
        // Datagram 0 was evicted: its remaining pieces cannot complete it; datagram 5 still can.
        List<byte[]> zero = fragments4(0, 1024);
        assertThat(feed(zero.get(1), 10)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(zero.get(2), 10)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        List<byte[]> five = fragments4(5, 1024);
        assertThat(feed(five.get(1), 10)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(five.get(2), 10)).isEqualTo(DecodeResult.DECODED);
        assertReassembledUdp(4);
    }

    @Test
    void oversizedBadAndTruncatedFragments() {
        byte[] deathPing = ipv4(1, 11, 8189, 0, new byte[100]); // ends past 65535
        assertThat(feed(deathPing, 0)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.FRAGMENT_TOO_LARGE);
        assertThat(feed(ipv4(17, 12, 0x2000, 0, new byte[100]), 0)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.BAD_FRAGMENT);
        // A first fragment cut by the snap length cannot be reassembled but still gives its ports.
        byte[] frame = ethernet(0x0800, fragments4(13, 1024).get(0));
        assertThat(decoder.decode(1, 0, frame.length, frame, 0, 200)).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().truncated()).isTrue();
        assertThat(decoder.view().moreFragments()).isTrue();
        assertThat(decoder.view().dstPort()).isEqualTo(4001);
        assertThat(decoder.view().payloadLength()).isEqualTo(200 - 14 - 24 - 8);
        frame = ethernet(0x0800, fragments4(13, 1024).get(1));
        assertThat(decoder.decode(1, 0, frame.length, frame, 0, 200)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.TRUNCATED_FRAGMENT);
        assertThat(decoder.reassembliesInProgress()).isZero();
    }

    @Test
    void ipv6InAndOutOfOrder() {
        List<byte[]> f = fragments6(0xdeadbeefL, 1232);
        assertThat(feed(f.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(decoder.view().ipId()).isEqualTo(0xdeadbeefL);
        assertThat(feed(f.get(1), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(f.get(2), 0)).isEqualTo(DecodeResult.DECODED);
        assertReassembledUdp(6);

        f = fragments6(5, 1024);
        assertThat(feed(f.get(2), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(f.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(f.get(1), 0)).isEqualTo(DecodeResult.DECODED);
        assertReassembledUdp(6);
        assertThat(decoder.stats().reassembled()).isEqualTo(2);
    }

    @Test
    void ipv6OverlapIsMalformed() {
        List<byte[]> f = fragments6(6, 1024);
        assertThat(feed(f.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        byte[] overlap = ipv6(44, concat(fragment6(17, 1016, true, 6), new byte[64]));
        assertThat(feed(overlap, 0)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.FRAGMENT_OVERLAP);
    }

    @Test
    void interleavedDatagramsAreKeptApart() {
        List<byte[]> a = fragments4(20, 1024);
        List<byte[]> b = fragments4(21, 1024);
        // Same id as datagram a but another protocol: a different datagram (RFC 791 key).
        byte[] otherProtocol = ipv4(6, 20, 0x2000, 0, new byte[1024]);
        assertThat(feed(a.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(b.get(2), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(otherProtocol, 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(a.get(1), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(b.get(0), 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(decoder.reassembliesInProgress()).isEqualTo(3);
        assertThat(feed(a.get(2), 0)).isEqualTo(DecodeResult.DECODED);
        assertReassembledUdp(4);
        assertThat(decoder.view().ipId()).isEqualTo(20);
        assertThat(feed(b.get(1), 0)).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().ipId()).isEqualTo(21);
        assertReassembledUdp(4);
        assertThat(decoder.reassembliesInProgress()).isEqualTo(1);
    }

    @Test
    void ipv6HeadersAfterTheFragmentHeaderAreWalkedOnceReassembled() {
        byte[] fragmentable = concat(ext(17, 0), UDP);
        byte[] first = ipv6(0, concat(ext(44, 0), fragment6(60, 0, true, 77), Arrays.copyOfRange(fragmentable, 0, 1504)));
        byte[] last = ipv6(44, concat(fragment6(60, 1504, false, 77),
                Arrays.copyOfRange(fragmentable, 1504, fragmentable.length)));
        assertThat(feed(last, 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(first, 0)).isEqualTo(DecodeResult.DECODED);
        assertReassembledUdp(6);
        assertThat(decoder.view().transportOffset()).isEqualTo(48);
        assertThat(decoder.view().hopLimit()).isEqualTo(55);
    }

    @Test
    void ipv6TruncatedFirstFragmentStillGivesPorts() {
        byte[] first = fragments6(78, 1024).get(0);
        byte[] frame = ethernet(0x86dd, first);
        assertThat(decoder.decode(1, 0, frame.length, frame, 0, 100)).isEqualTo(DecodeResult.DECODED);
        assertThat(decoder.view().truncated()).isTrue();
        assertThat(decoder.view().srcPort()).isEqualTo(4000);
        assertThat(decoder.view().ipId()).isEqualTo(78);
        assertThat(decoder.reassembliesInProgress()).isZero();
    }

    @Test
    void ipv6FragmentNestedInAReassembledDatagramIsMalformed() {
        byte[] inner = concat(fragment6(17, 8, true, 99), new byte[16]);
        byte[] first = ipv6(44, concat(fragment6(44, 0, true, 80), Arrays.copyOfRange(inner, 0, 16)));
        byte[] last = ipv6(44, concat(fragment6(44, 16, false, 80), Arrays.copyOfRange(inner, 16, 24)));
        assertThat(feed(first, 0)).isEqualTo(DecodeResult.FRAGMENT_PENDING);
        assertThat(feed(last, 0)).isEqualTo(DecodeResult.MALFORMED);
        assertThat(decoder.lastMalformedReason()).isEqualTo(MalformedReason.BAD_FRAGMENT);
        assertThat(decoder.reassembliesInProgress()).isZero();
    }
}
