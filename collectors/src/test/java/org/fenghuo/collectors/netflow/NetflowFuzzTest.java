package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fenghuo.collectors.netflow.Exports.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated datagrams (fixed seed, so a failure replays): the decoder never throws,
 * counts every datagram, dead-letters what it rejects, and its state stays within its bounds.
 */
class NetflowFuzzTest {
    private static final int ROUNDS = 30_000;

    @Test
    void randomAndMutatedDatagramsNeverEscapeTheBounds() {
        NetflowConfig config = NetflowConfig.defaults().withMaxTemplatesPerExporter(16)
                .withPendingLimits(8, 64 << 10, 64, 512 << 10);
        DecoderHarness h = new DecoderHarness(config);
        SplittableRandom random = new SplittableRandom(20241124L);
        List<byte[]> seeds = seeds();
        long maxPending = 0;
        long maxTemplates = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] d = i % 5 == 0 ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
            // a few exporters, so per-exporter and total bounds both matter
            h.feed("10.9.0." + random.nextInt(12), d);
            NetflowStats s = h.stats();
            maxPending = Math.max(maxPending, s.pending());
            maxTemplates = Math.max(maxTemplates, s.templatesActive());
            if (i % 1000 == 0) {
                h.later(1);
                h.events.clear(); // the sink's memory is not the decoder's
                h.deadLetters.clear();
            }
        }
        NetflowStats s = h.stats();
        System.out.println("netflow fuzz: " + s.toStatusLine() + " max_pending=" + maxPending
                + " max_templates=" + maxTemplates);
        assertThat(s.received()).isEqualTo(ROUNDS);
        assertThat(s.malformed(NetflowErrorKind.INTERNAL_ERROR)).isZero();
        assertThat(s.malformed()).isPositive();
        assertThat(s.records()).isPositive();
        assertThat(s.deadLettered()).isPositive().isLessThanOrEqualTo(s.malformed());
        assertThat(maxPending).isLessThanOrEqualTo(64);
        // 12 exporters x (v9, IPFIX) x a few source ids each; every domain holds at most 16
        assertThat(maxTemplates).isLessThanOrEqualTo(16L * config.maxExporters());
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(2, 1500)];
        random.nextBytes(b);
        if (random.nextBoolean()) { // a plausible version makes the decoder go further in
            int[] versions = {5, 9, 10};
            b[0] = 0;
            b[1] = (byte) versions[random.nextInt(3)];
        }
        return b;
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] b = seed.clone();
        int flips = random.nextInt(1, 6);
        for (int k = 0; k < flips; k++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] = 0;
                case 2 -> b[at] = (byte) 0xff;
                default -> b = java.util.Arrays.copyOf(b, Math.max(1, at)); // truncate
            }
        }
        return b;
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
        Exports.v9FlowRecord(records, 2, 40, 1);
        seeds.add(Exports.v9(1, 7, 10_000, Exports.set(0, Exports.v9FlowTemplate(256)), Exports.set(256, records)));
        seeds.add(Exports.v9(2, 7, 10_000, Exports.set(256, records)));
        Bytes options = new Bytes().u16(257).u16(4).u16(8).u16(1).u16(4).u16(34).u16(4).u16(35).u16(1).u16(0);
        seeds.add(Exports.v9(3, 7, 10_000, Exports.set(1, options),
                Exports.set(257, new Bytes().u32(0).u32(100).u8(2).u8(0).u8(0).u8(0))));
        Bytes t = new Bytes().u16(300).u16(4).u16(8).u16(4).u16(12).u16(4).u16(82).u16(65535)
                .u16(0x8000 | 7).u16(2).u32(9);
        Bytes r = new Bytes().ip(10, 0, 0, 1).ip(10, 0, 0, 2).u8(4).raw("eth0".getBytes()).u16(1);
        seeds.add(Exports.ipfix(0, 1, Exports.set(2, t), Exports.set(300, r)));
        seeds.add(Exports.ipfix(1, 1, Exports.set(300, r), Exports.set(2, new Bytes().u16(300).u16(0))));
        seeds.add(Exports.ipfix(2, 1, Exports.set(3, new Bytes().u16(301).u16(2).u16(1).u16(149).u16(4).u16(305).u16(4)),
                Exports.set(301, new Bytes().u32(1).u32(64))));
        ByteBuffer v5 = Exports.v5Header(2, 100, 0x4000 | 64);
        Exports.v5Record(v5, 1);
        Exports.v5Record(v5, 2);
        seeds.add(v5.array());
        return seeds;
    }
}
