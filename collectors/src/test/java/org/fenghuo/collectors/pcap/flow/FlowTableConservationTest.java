package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever the mix of timeouts, evictions, TCP ends and slightly out-of-order timestamps, every
 * packet and byte fed in comes out in exactly one record, and the counters agree with the records.
 */
class FlowTableConservationTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void everyPacketIsReportedOnce(long seed) {
        Random rnd = new Random(seed);
        List<FlowRecord> out = new ArrayList<>();
        FlowTableConfig config = new FlowTableConfig(8, Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofMillis(500), 0);
        FlowTable table = new FlowTable(config, out::add);
        long packets = 0;
        long bytes = 0;
        double t = 0;
        for (int i = 0; i < 20_000; i++) {
            t += rnd.nextDouble() * 0.2;
            double ts = t - (rnd.nextInt(20) == 0 ? 0.3 : 0); // now and then a late packet
            TestPacket p = randomPacket(rnd, ts);
            table.process(p);
            packets++;
            bytes += p.wireLength();
        }
        FlowStats beforeFlush = table.stats();
        table.flushAll();

        assertThat(out.stream().mapToLong(FlowRecord::packets).sum()).isEqualTo(packets);
        assertThat(out.stream().mapToLong(FlowRecord::bytes).sum()).isEqualTo(bytes);
        assertThat(out).allSatisfy(r -> {
            assertThat(r.packets()).isPositive();
            assertThat(r.endNanos()).isGreaterThanOrEqualTo(r.startNanos());
        });
        FlowStats s = table.stats();
        assertThat(s.active()).isZero();
        assertThat(s.endOfCapture()).isEqualTo(out.stream().filter(r -> r.endReason() == EndReason.END_OF_CAPTURE)
                .count());
        assertThat(s.peak()).isLessThanOrEqualTo(8);
        assertThat(s.evicted()).isPositive();
        assertThat(s.idleTimeout() + s.tcpEnd() + s.activeTimeout()).isPositive();
        assertThat(beforeFlush.active()).isLessThanOrEqualTo(8);
        for (EndReason reason : EndReason.values()) {
            long records = out.stream().filter(r -> r.endReason() == reason).count();
            assertThat(records).as(reason.name()).isLessThanOrEqualTo(count(s, reason));
        }
    }

    private static long count(FlowStats s, EndReason reason) {
        return switch (reason) {
            case IDLE_TIMEOUT -> s.idleTimeout();
            case ACTIVE_TIMEOUT -> s.activeTimeout();
            case TCP_END -> s.tcpEnd();
            case EVICTED -> s.evicted();
            case END_OF_CAPTURE -> s.endOfCapture();
        };
    }

    private static TestPacket randomPacket(Random rnd, double ts) {
        String a = "10.0.0." + (1 + rnd.nextInt(4));
        String b = rnd.nextBoolean() ? "2001:db8::" + (1 + rnd.nextInt(3)) : "10.0.1." + (1 + rnd.nextInt(4));
        if (b.contains(":")) {
            a = "2001:db8:1::" + (1 + rnd.nextInt(4));
        }
        boolean forward = rnd.nextBoolean();
        String src = forward ? a : b;
        String dst = forward ? b : a;
        int len = 60 + rnd.nextInt(1400);
        return switch (rnd.nextInt(3)) {
            case 0 -> {
                int[] flags = {0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14};
                int cport = 40000 + rnd.nextInt(3);
                yield forward ? TestPacket.tcp(ts, src, cport, dst, 80, flags[rnd.nextInt(flags.length)], len)
                        : TestPacket.tcp(ts, src, 80, dst, cport, flags[rnd.nextInt(flags.length)], len);
            }
            case 1 -> forward ? TestPacket.udp(ts, src, 5353, dst, 53, len) : TestPacket.udp(ts, src, 53, dst, 5353, len);
            default -> TestPacket.icmp(ts, b.contains(":") ? CommunityId.ICMPV6 : CommunityId.ICMP, src, dst,
                    b.contains(":") ? 128 + rnd.nextInt(2) : 8 * rnd.nextInt(2), 0, len);
        };
    }
}
