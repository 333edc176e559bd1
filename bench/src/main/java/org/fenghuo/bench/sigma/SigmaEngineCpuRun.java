package org.fenghuo.bench.sigma;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.fenghuo.detection.sigma.LoadResult;
import org.fenghuo.detection.sigma.SigmaRuleSet;
import org.fenghuo.events.SecurityEvent;

/**
 * The {@link SigmaEngineBenchmark} loop measured against CPU time, so the figure stays per core
 * when other processes share the machine: events per CPU-second of the evaluating thread and of
 * the whole process (GC and JIT included), after three warm-up rounds.
 *
 * <pre>java -Xms1g -Xmx1g -cp CP org.fenghuo.bench.sigma.SigmaEngineCpuRun [rounds] [seconds] [standard|ecs|identity]</pre>
 */
public final class SigmaEngineCpuRun {
    private SigmaEngineCpuRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        String pipeline = args.length > 2 ? args[2] : "ecs";
        int eventCount = args.length > 3 ? Integer.parseInt(args[3]) : SigmaEngineBenchmark.EVENTS;
        LoadResult r = SigmaEngineBenchmark.load(SigmaEngineBenchmark.resolver(pipeline));
        SigmaRuleSet rules = r.ruleSet();
        System.out.println(r.report().summary() + "; " + rules.indexSummary());
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use after load and GC: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        SecurityEvent[] events = BenchTraffic.generate(eventCount, 20261124L).toArray(SecurityEvent[]::new);
        double candidates = 0;
        for (SecurityEvent e : events) {
            candidates += rules.candidates(e).size();
        }
        System.out.printf("%s: %.2f rules fully evaluated per event on average%n", pipeline, candidates / events.length);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int w = 0; w < 3; w++) {
            run(rules, events, cpu, os, seconds); // warm-up: thousands of compiled predicates take a while to JIT
        }
        double[] thread = new double[rounds];
        double[] process = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            double[] res = run(rules, events, cpu, os, seconds);
            thread[i] = res[0];
            process[i] = res[1];
            System.out.printf("round %d: %,.0f events per thread CPU-second, %,.0f per process CPU-second, %d matches%n",
                    i + 1, res[0], res[1], (long) res[2]);
        }
        Arrays.sort(thread);
        Arrays.sort(process);
        System.out.printf("result: %s median %,.0f events per thread CPU-second, %,.0f per process CPU-second%n",
                pipeline, thread[rounds / 2], process[rounds / 2]);
    }

    private static double[] run(SigmaRuleSet rules, SecurityEvent[] events, ThreadMXBean cpu, OperatingSystemMXBean os,
            double seconds) {
        long budget = (long) (seconds * 1e9);
        long processStart = os.getProcessCpuTime();
        long start = cpu.getCurrentThreadCpuTime();
        long evaluated = 0;
        long matches = 0;
        long used;
        do {
            for (SecurityEvent e : events) {
                matches += rules.countMatches(e);
            }
            evaluated += events.length;
            used = cpu.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        long processUsed = os.getProcessCpuTime() - processStart;
        return new double[] {evaluated / (used / 1e9), evaluated / (processUsed / 1e9), matches};
    }
}
