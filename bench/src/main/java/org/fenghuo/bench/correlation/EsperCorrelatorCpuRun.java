package org.fenghuo.bench.correlation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.correlation.pack.AlertHits;
import org.fenghuo.correlation.pack.BuiltInPack;
import org.fenghuo.correlation.pack.MarkerHits;
import org.fenghuo.correlation.pack.PackSettings;
import org.fenghuo.correlation.scenario.DistrictScenario;
import org.fenghuo.correlation.scenario.PlainJudgement;
import org.fenghuo.correlation.scenario.ScenarioSettings;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Esper alone (issue 7, "Speed"): hits/s and correlated alerts/s per thread CPU-second of
 * {@link EsperAlertCorrelator} with the built-in pack, on one thread. Two hit streams, in time
 * order, with the watermark advanced every {@code --watermark-every} hits as the operator does:
 * <ul>
 *   <li>scenario: the district scenario's detection alerts as hits ({@link AlertHits}) plus the
 *       marks of every event ({@link MarkerHits}): mostly internal logins, five correlation alerts;</li>
 *   <li>synthetic: {@code --attackers} source addresses each doing port scan, brute force and a
 *       login after it (the scenario attacker's own alerts, re-addressed and re-timed), so every
 *       attacker makes one {@code intrusion_chain} alert and alerts/s means something.</li>
 * </ul>
 * Pin it to one core ({@code taskset -c 1}); the engine's compile time is reported apart.
 */
@Command(name = "esper-cpu", mixinStandardHelpOptions = true,
        description = "Hits/s and correlated alerts/s per CPU-second of the Esper correlator with the built-in pack.")
public final class EsperCorrelatorCpuRun implements Callable<Integer> {
    @Option(names = "--background", defaultValue = "200000", description = "Background events of the scenario stream (default: ${DEFAULT-VALUE}).")
    long background;

    @Option(names = "--attackers", defaultValue = "20000", description = "Attackers of the synthetic stream (default: ${DEFAULT-VALUE}).")
    int attackers;

    @Option(names = "--spacing-ms", defaultValue = "100", description = "Start of one attacker to the next's (default: ${DEFAULT-VALUE}).")
    long spacingMs;

    @Option(names = "--warmups", defaultValue = "2", description = "Warm-up rounds per stream (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds per stream (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--watermark-every", defaultValue = "1000", description = "Hits between watermarks (default: ${DEFAULT-VALUE}).")
    int watermarkEvery;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        System.exit(new CommandLine(new EsperCorrelatorCpuRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "esper-cpu: %d cores visible, load %s%n", Runtime.getRuntime().availableProcessors(),
                CorrelationLoadDriver.load());
        DistrictScenario scenario = new DistrictScenario(ScenarioSettings.defaults().withBackgroundEvents(background));
        PackSettings settings = scenario.packSettings();
        PlainJudgement.Result judged = PlainJudgement.run(scenario);
        List<RuleHit> scenarioHits = scenarioHits(scenario, judged, settings);
        List<RuleHit> synthetic = synthetic(judged.detectionAlerts(), scenario.expected().attacker());
        System.out.printf(Locale.ROOT, "scenario: %,d events -> %,d hits (%,d detection alerts, %,d marks); synthetic: %,d attackers -> %,d hits%n",
                judged.events(), scenarioHits.size(), judged.detectionAlerts().size(), scenarioHits.size() - judged.detectionAlerts().size(),
                attackers, synthetic.size());
        measure("scenario", scenarioHits, settings);
        measure("synthetic", synthetic, settings);
        return 0;
    }

    private static List<RuleHit> scenarioHits(DistrictScenario scenario, PlainJudgement.Result judged, PackSettings settings) {
        List<RuleHit> hits = new ArrayList<>();
        judged.detectionAlerts().forEach(a -> hits.add(AlertHits.of(a)));
        MarkerHits marks = new MarkerHits(settings);
        for (SecurityEvent e : scenario) {
            hits.addAll(marks.of(e));
        }
        hits.sort(Comparator.comparing(RuleHit::timestamp)); // stable: arrival order among equal times
        return hits;
    }

    /** The attacker's scan, brute force and login alerts as hits, re-addressed per attacker and shifted in time. */
    private List<RuleHit> synthetic(List<Alert> alerts, String attacker) {
        List<RuleHit> chain = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.entities().sourceIps().contains(attacker)) {
                chain.add(AlertHits.of(a));
            }
        }
        chain.sort(Comparator.comparing(RuleHit::timestamp));
        if (chain.size() < 3) {
            throw new IllegalStateException("the scenario's attacker " + attacker + " has " + chain.size()
                    + " alerts, expected its scan, brute force and login");
        }
        Instant first = chain.get(0).timestamp();
        List<RuleHit> hits = new ArrayList<>(chain.size() * attackers);
        for (int i = 0; i < attackers; i++) {
            String ip = "100." + (64 + (i >> 16)) + "." + ((i >> 8) & 255) + "." + (i & 255);
            Duration shift = Duration.ofMillis(i * spacingMs);
            for (RuleHit h : chain) {
                Instant t = h.timestamp().plus(shift);
                SecurityEvent.EventInfo info = h.event().event();
                SecurityEvent e = h.event().toBuilder().timestamp(t)
                        .source(new SecurityEvent.Endpoint(ip, null, null, null, null, null, null))
                        .event(new SecurityEvent.EventInfo(info.id() + "-" + i, info.kind(), info.category(), info.type(),
                                info.action(), info.outcome(), info.module(), info.dataset(), info.provider(), info.severity(),
                                info.original(), info.created(), info.ingested(), info.start(), info.end(), info.duration()))
                        .build();
                hits.add(new RuleHit(h.ruleId(), h.ruleName(), t, e));
            }
        }
        hits.sort(Comparator.comparing(RuleHit::timestamp));
        if (!hits.get(0).timestamp().equals(first)) {
            throw new IllegalStateException("synthetic stream does not start at the attack");
        }
        return hits;
    }

    private void measure(String name, List<RuleHit> hits, PackSettings settings) {
        List<Double> hitRates = new ArrayList<>();
        List<Double> alertRates = new ArrayList<>();
        for (int round = 0; round < warmups + rounds; round++) {
            List<Alert> out = new ArrayList<>();
            long c0 = THREADS.getCurrentThreadCpuTime();
            EsperAlertCorrelator correlator = new EsperAlertCorrelator(List.of(), BuiltInPack.rules(settings), out::add);
            double compile = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            if (!correlator.rejected().isEmpty()) {
                throw new IllegalStateException("pack rules rejected: " + correlator.rejected());
            }
            long w0 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            int n = 0;
            for (RuleHit h : hits) {
                correlator.accept(h);
                if (++n % watermarkEvery == 0) {
                    correlator.advanceWatermark(h.timestamp());
                }
            }
            correlator.advanceWatermark(hits.get(hits.size() - 1).timestamp().plus(PackSettings.MAX_WINDOW.multipliedBy(2)));
            double cpu = (THREADS.getCurrentThreadCpuTime() - c1) / 1e9;
            double wall = (System.nanoTime() - w0) / 1e9;
            long dropped = correlator.dropped();
            correlator.close();
            Map<String, Long> byRule = new TreeMap<>();
            out.forEach(a -> byRule.merge(a.ruleId().replace("fenghuo.correlation.", ""), 1L, Long::sum));
            if (dropped != 0) {
                throw new IllegalStateException(name + ": " + dropped + " hits dropped as late");
            }
            String label = round < warmups ? "warm-up " + (round + 1) : "round " + (round - warmups + 1);
            System.out.printf(Locale.ROOT, "%-9s %-10s %,10.0f hits/CPU-s %,9.0f alerts/CPU-s  (%,d hits, %,d alerts %s, %.2f CPU s, %.2f wall s, compile %.2f CPU s)%n",
                    name, label, hits.size() / cpu, out.size() / cpu, hits.size(), out.size(), byRule, cpu, wall, compile);
            if (round >= warmups) {
                hitRates.add(hits.size() / cpu);
                alertRates.add(out.size() / cpu);
            }
        }
        System.out.printf(Locale.ROOT, "result: %s %,.0f hits/CPU-s, %,.0f correlated alerts/CPU-s (medians of %d rounds)%n",
                name, median(hitRates), median(alertRates), rounds);
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
