package org.fenghuo.bench.netflow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.netflow.NetflowConfig;
import org.fenghuo.collectors.netflow.NetflowDecoder;
import org.fenghuo.collectors.netflow.NetflowMetrics;

/**
 * The {@link NetflowDecodeBenchmark} workload measured against the decoding thread's own CPU time
 * (ThreadMXBean) instead of wall time: records per CPU-second is a per-core figure that holds on a
 * machine other processes are also using, where JMH's wall-clock throughput only says how much CPU
 * the benchmark happened to get. Prints one line per round and the median.
 *
 * <pre>{@code java -cp ... org.fenghuo.bench.netflow.NetflowDecodeCpuRun [rounds] [seconds per round]}</pre>
 */
public final class NetflowDecodeCpuRun {
    private static long consumed;

    private NetflowDecodeCpuRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        for (String version : new String[] {"v9", "ipfix"}) {
            byte[][] datagrams = version.equals("v9") ? NetflowDecodeBenchmark.v9Datagrams()
                    : NetflowDecodeBenchmark.ipfixDatagrams();
            NetflowDecoder decoder = new NetflowDecoder(NetflowConfig.defaults(), "bench",
                    EventSink.of(e -> consumed += e.event().id().length(), d -> {
                        throw new IllegalStateException("unexpected dead letter: " + d.reason());
                    }), NetflowMetrics.forInput(new SimpleMeterRegistry(), "bench"));
            Instant now = Instant.ofEpochSecond(1_704_067_200L);
            decoder.decode(datagrams[0], 0, datagrams[0].length, "192.0.2.1", "bench", now);
            byte[] data = datagrams[1];
            run(decoder, data, now, seconds); // warm-up
            double[] perCpuSecond = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                perCpuSecond[r] = run(decoder, data, now, seconds);
                System.out.printf("%s round %d: %,.0f records per CPU-second%n", version, r + 1, perCpuSecond[r]);
            }
            java.util.Arrays.sort(perCpuSecond);
            System.out.printf("%s median: %,.0f records per CPU-second (%d rounds of %.1f s CPU)%n", version,
                    perCpuSecond[rounds / 2], rounds, seconds);
        }
        System.out.println("(consumed " + consumed + ")");
    }

    private static double run(NetflowDecoder decoder, byte[] data, Instant now, double seconds) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long budget = (long) (seconds * 1e9);
        long start = cpu.getCurrentThreadCpuTime();
        long datagrams = 0;
        long used;
        do {
            for (int i = 0; i < 100; i++) {
                decoder.decode(data, 0, data.length, "192.0.2.1", "bench", now);
            }
            datagrams += 100;
            used = cpu.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return datagrams * NetflowDecodeBenchmark.RECORDS / (used / 1e9);
    }
}
