package org.fenghuo.collectors.pcap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.decode.Packets.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile input: random and mutated frames on every link type; and the no-allocation promise. */
class DecoderRobustnessTest {
    private static final int[] LINK_TYPES = {0, 1, 12, 14, 101, 108, 113, 228, 229, 276, 147};

    private static List<byte[]> seeds() {
        byte[] tcp4 = ipv4(6, 1, 0x4000, 8, tcp(1, 2, 3, 4, 0x18, 5, 8, bytes(40, 0)));
        byte[] frag4 = ipv4(17, 9, 0x2001, 0, bytes(64, 0));
        byte[] udp6 = ipv6(0, concat(ext(44, 0), fragment6(17, 8, true, 3), udp(1, 2, bytes(16, 0))));
        byte[] icmp6 = ipv6(60, concat(ext(58, 0), icmp(128, 0, bytes(20, 0))));
        return List.of(ethernet(0x0800, tcp4), ethernetTagged(0x86dd, udp6, 0x88a8, 1, 0x8100, 2),
                sll(0x0800, frag4), sll2(0x86dd, icmp6), nullLittleEndian(2, tcp4), tcp4, udp6, frag4,
                ethernet(0x0800, ipv4(132, sctp(1, 2))), nullBigEndian(30, icmp6));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomBytesOnEveryLinkTypeNeverThrowNorHang() {
        PacketDecoder decoder = new PacketDecoder(new DecoderConfig(64, 65535, 1_000_000L, 8, 4));
        for (long seed = 0; seed < 2000; seed++) {
            Random r = new Random(seed);
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            if (b.length > 0 && r.nextBoolean()) {
                b[0] = (byte) (r.nextBoolean() ? 0x45 : 0x60); // reach the IP decoders more often
            }
            for (int linkType : LINK_TYPES) {
                decoder.decode(linkType, seed, r.nextInt(400), b, 0, b.length);
            }
        }
        assertThat(decoder.stats().malformed(MalformedReason.INTERNAL_ERROR)).isZero();
        assertThat(decoder.stats().packets()).isEqualTo(2000L * LINK_TYPES.length);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedValidFramesNeverThrowNorHang() {
        PacketDecoder decoder = new PacketDecoder(new DecoderConfig(64, 65535, 1_000_000L, 8, 4));
        List<byte[]> seeds = seeds();
        long results = 0;
        for (long seed = 0; seed < 20000; seed++) {
            Random r = new Random(seed);
            byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
            for (int flips = r.nextInt(4); flips >= 0; flips--) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            int captured = r.nextInt(4) == 0 ? r.nextInt(b.length + 1) : b.length;
            int linkType = LINK_TYPES[r.nextInt(LINK_TYPES.length)];
            decoder.decode(linkType, seed * 1000, b.length, b, 0, captured);
            results++;
        }
        DecodeStats s = decoder.stats();
        assertThat(s.malformed(MalformedReason.INTERNAL_ERROR)).isZero();
        long total = 0;
        for (DecodeResult r : DecodeResult.values()) {
            total += s.results(r);
        }
        // Reassembled datagrams come out of the frame that completes them: one result per frame.
        assertThat(total).isEqualTo(results);
        assertThat(s.decoded()).isPositive();
        assertThat(s.malformedTotal()).isPositive();
    }

    @Test
    void noAllocationPerPacketWithoutFragments() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counting unsupported");
        mx.setThreadAllocatedMemoryEnabled(true);
        PacketDecoder decoder = new PacketDecoder();
        byte[][] frames = {
            ethernet(0x0800, ipv4(6, tcp(1, 2, 0x10, bytes(100, 0)))),
            ethernetTagged(0x86dd, ipv6(0, concat(ext(17, 0), udp(1, 2, bytes(50, 0)))), 0x8100, 3),
            ethernet(0x0800, ipv4(1, icmp(8, 0, bytes(10, 0)))),
            ethernet(0x0806, new byte[28]),
            ethernet(0x0800, new byte[10]),
        };
        run(decoder, frames, 200_000); // warm up the JIT first
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        run(decoder, frames, 500_000);
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated for 500000 frames").isLessThan(100_000);
    }

    private static void run(PacketDecoder decoder, byte[][] frames, int n) {
        for (int i = 0; i < n; i++) {
            byte[] f = frames[i % frames.length];
            decoder.decode(1, i, f.length, f, 0, f.length);
        }
    }
}
