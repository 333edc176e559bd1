package org.fenghuo.bench.netflow;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.netflow.NetflowConfig;
import org.fenghuo.collectors.netflow.NetflowDecoder;
import org.fenghuo.collectors.netflow.NetflowMetrics;
import org.fenghuo.events.SecurityEvent;

/**
 * The {@link NetflowDecodeBenchmark} workload measured against CPU time instead of wall time: the
 * decoding thread's own (ThreadMXBean) and the whole process's (garbage collection and JIT threads
 * included, the honest per-core figure when the process is pinned to one core). Records per
 * CPU-second holds on a machine other processes are also using, where JMH's wall-clock throughput
 * only says how much CPU the benchmark happened to get. Prints one line per round and the medians.
 *
 * <pre>{@code java -cp ... org.fenghuo.bench.netflow.NetflowDecodeCpuRun [rounds] [seconds per round]}</pre>
 */
public final class NetflowDecodeCpuRun {
    private static long consumed;
    /** Every event is stored here, so the JIT cannot skip building what a real sink would read. */
    private static final SecurityEvent[] LAST = new SecurityEvent[64];

    private NetflowDecodeCpuRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        for (String version : new String[] {"v9", "ipfix"}) {
            byte[][] datagrams = version.equals("v9") ? NetflowDecodeBenchmark.v9Datagrams()
                    : NetflowDecodeBenchmark.ipfixDatagrams();
            NetflowDecoder decoder = new NetflowDecoder(NetflowConfig.defaults(), "bench",
                    EventSink.of(e -> LAST[(int) (consumed++ & 63)] = e, d -> {
                        throw new IllegalStateException("unexpected dead letter: " + d.reason());
                    }), NetflowMetrics.forInput(new SimpleMeterRegistry(), "bench"));
            Instant now = Instant.ofEpochSecond(1_704_067_200L);
            decoder.decode(datagrams[0], 0, datagrams[0].length, "192.0.2.1", "bench", now);
            byte[] data = datagrams[1];
            run(decoder, data, now, seconds); // warm-up
            double[] perThreadSecond = new double[rounds];
            double[] perProcessSecond = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double[] rates = run(decoder, data, now, seconds);
                perThreadSecond[r] = rates[0];
                perProcessSecond[r] = rates[1];
                System.out.printf("%s round %d: %,.0f records per CPU-second of the decoding thread, %,.0f of the"
                        + " whole process%n", version, r + 1, rates[0], rates[1]);
            }
            java.util.Arrays.sort(perThreadSecond);
            java.util.Arrays.sort(perProcessSecond);
            System.out.printf("%s median: %,.0f records per CPU-second of the thread, %,.0f of the process"
                    + " (%d rounds of %.1f s CPU)%n", version, perThreadSecond[rounds / 2],
                    perProcessSecond[rounds / 2], rounds, seconds);
        }
        System.out.println("(consumed " + consumed + ")");
    }

    /** Records per CPU-second of this thread, and of the whole process (GC and JIT threads included). */
    private static double[] run(NetflowDecoder decoder, byte[] data, Instant now, double seconds) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long budget = (long) (seconds * 1e9);
        long processStart = os.getProcessCpuTime();
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
        long processUsed = os.getProcessCpuTime() - processStart;
        double records = datagrams * NetflowDecodeBenchmark.RECORDS;
        return new double[] {records / (used / 1e9), records / (processUsed / 1e9)};
    }
}
