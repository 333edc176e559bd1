package org.fenghuo.bench.ioc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link IocLookupBenchmark#lookupMix} and {@link IocLookupBenchmark#matchEvent} against the
 * measuring thread's own CPU time (ThreadMXBean), so the figure stays per-core when other processes
 * share the machine (JMH's wall-clock score then measures the neighbours too). Arguments: runs,
 * seconds per run, hit percent.
 *
 * <pre>{@code
 * taskset -c 1 java -Xms2g -Xmx2g -cp "$CP" org.fenghuo.bench.ioc.IocLookupCpuRun 5 3 1
 * }</pre>
 */
public final class IocLookupCpuRun {
    private IocLookupCpuRun() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        IocLookupBenchmark bench = new IocLookupBenchmark();
        bench.hitPercent = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        bench.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String name : new String[] {"lookupMix", "matchEvent"}) {
            boolean mix = name.equals("lookupMix");
            measure(bench, mix, threads, 2, 2); // warm-up
            double[] rates = new double[runs];
            long sink = 0;
            for (int r = 0; r < runs; r++) {
                long[] result = measure(bench, mix, threads, seconds, 1);
                rates[r] = result[0] * 1e9 / result[1];
                sink += result[2];
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            System.out.printf("%s hit=%d%%: median %,.0f ops per CPU-second (runs: %s) [%d]%n", name, bench.hitPercent,
                    sorted[runs / 2], Arrays.toString(Arrays.stream(rates).mapToLong(Math::round).toArray()), sink & 1);
        }
    }

    /** {ops, thread CPU nanoseconds, sink} after about {@code seconds} of CPU time. */
    private static long[] measure(IocLookupBenchmark bench, boolean mix, ThreadMXBean threads, double seconds, int rounds) {
        long start = threads.getCurrentThreadCpuTime();
        long budget = (long) (seconds * 1e9 * rounds);
        long ops = 0;
        long sink = 0;
        long used;
        do {
            for (int i = 0; i < 64; i++) {
                sink += mix ? bench.lookupMix() : bench.matchEvent();
            }
            ops += 64L * IocLookupBenchmark.QUERIES;
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return new long[] {ops, used, sink};
    }
}
