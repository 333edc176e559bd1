package org.fenghuo.bench.correlation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fenghuo.correlation.scenario.DistrictScenario;
import org.fenghuo.correlation.scenario.ScenarioSettings;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The job's first step on every event (issue 7, "Speed"): reading the ECS JSON of a Kafka record
 * into a {@link SecurityEvent} ({@link EcsJsonCodec#fromJson(byte[])}), in nanoseconds of thread
 * CPU per event, against a peer in the same run: Jackson's generic tree
 * ({@code ObjectMapper.readTree}) of the same bytes, the least any reader of the JSON pays. Also
 * the way back ({@link EcsJsonCodec#toJsonBytes}). The events are the district scenario's, stamped
 * with {@code event.ingested} as the load driver's producer stamps them (microseconds).
 */
@Command(name = "ecs-codec-cpu", mixinStandardHelpOptions = true,
        description = "CPU ns per event of reading (and writing) Fenghuo's ECS JSON, against Jackson's generic tree.")
public final class EcsCodecCpuRun implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "50000", description = "Scenario events in the corpus (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--warmups", defaultValue = "3", description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.exit(new CommandLine(new EcsCodecCpuRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "ecs-codec-cpu: load %s, events code: %s%n", CorrelationLoadDriver.load(),
                EcsJsonCodec.class.getProtectionDomain().getCodeSource().getLocation());
        List<SecurityEvent> corpus = new ArrayList<>();
        List<byte[]> json = new ArrayList<>();
        long bytes = 0;
        Instant ingested = Instant.parse("2026-11-24T12:00:00Z");
        for (SecurityEvent e : new DistrictScenario(ScenarioSettings.defaults().withBackgroundEvents(events))) {
            ingested = ingested.plusNanos(37_000 + (json.size() % 1_000) * 1_000L);
            SecurityEvent stamped = ScenarioProducer.stamp(e, ingested);
            corpus.add(stamped);
            byte[] b = EcsJsonCodec.toJsonBytes(stamped);
            json.add(b);
            bytes += b.length;
        }
        System.out.printf(Locale.ROOT, "corpus: %,d events, %,d bytes of ECS JSON (%,d a event)%n",
                json.size(), bytes, bytes / json.size());
        ObjectMapper mapper = new ObjectMapper();
        List<Double> read = new ArrayList<>();
        List<Double> tree = new ArrayList<>();
        List<Double> write = new ArrayList<>();
        for (int r = -warmups; r < rounds; r++) {
            double fenghuoRead = perEvent(json.size(), () -> {
                long sink = 0;
                for (byte[] b : json) {
                    sink += EcsJsonCodec.fromJson(b).event().id().length();
                }
                return sink;
            });
            double jacksonTree = perEvent(json.size(), () -> {
                long sink = 0;
                for (byte[] b : json) {
                    sink += mapper.readTree(b).size();
                }
                return sink;
            });
            double fenghuoWrite = perEvent(corpus.size(), () -> {
                long sink = 0;
                for (SecurityEvent e : corpus) {
                    sink += EcsJsonCodec.toJsonBytes(e).length;
                }
                return sink;
            });
            String label = r < 0 ? "warm-up" : "round " + (r + 1);
            System.out.printf(Locale.ROOT, "%s: read %.0f ns/event, jackson tree %.0f, write %.0f%n",
                    label, fenghuoRead, jacksonTree, fenghuoWrite);
            if (r >= 0) {
                read.add(fenghuoRead);
                tree.add(jacksonTree);
                write.add(fenghuoWrite);
            }
        }
        double readMedian = EsperCorrelatorCpuRun.median(read);
        double treeMedian = EsperCorrelatorCpuRun.median(tree);
        double writeMedian = EsperCorrelatorCpuRun.median(write);
        System.out.printf(Locale.ROOT, "median of %d rounds: read %.0f ns/event (%,.0f events per CPU-s), "
                        + "jackson tree %.0f (%,.0f), read / jackson tree = %.2f; write %.0f ns/event (%,.0f)%n",
                rounds, readMedian, 1e9 / readMedian, treeMedian, 1e9 / treeMedian, readMedian / treeMedian,
                writeMedian, 1e9 / writeMedian);
        return 0;
    }

    private interface Pass {
        long run() throws Exception;
    }

    /** Thread CPU ns per item of one pass; the pass's result is checked so the work is not dropped. */
    private static double perEvent(int items, Pass pass) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        long sink = pass.run();
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (sink <= 0) {
            throw new IllegalStateException("a pass produced nothing");
        }
        return (double) cpu / items;
    }
}
