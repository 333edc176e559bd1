package org.fenghuo.detection.anomaly.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.anomaly.SyntheticTraffic.byTime;
import static org.fenghuo.detection.anomaly.SyntheticTraffic.flow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.SyntheticTraffic.KeyDriver;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class BeaconDetectorTest {
    private static final long S = 1_000;
    private static final long T0 = 1_790_000_000_000L;
    private static final String HOST = "10.0.0.5";
    private static final String C2 = "203.0.113.9";

    private static BeaconDetector detector(String yaml) {
        return new BeaconDetector(BeaconConfig.fromYaml(yaml, "test").orThrow());
    }

    /** A beacon every {@code periodS} s with ±{@code jitter} (fraction) uniform jitter on the sleep, sizes 600 ± 8 bytes. */
    private static List<SecurityEvent> beacon(Random r, String source, String destination, int port, long periodS,
            double jitter, int count, long fromMillis) {
        List<SecurityEvent> out = new ArrayList<>();
        long t = fromMillis;
        for (int i = 0; i < count; i++) {
            long duration = 50 + r.nextInt(400);
            out.add(flow("beacon-" + source + "-" + i, t, t + duration, source, destination, port,
                    200L + r.nextInt(8), 400L + r.nextInt(8)));
            t += (long) (periodS * S * (1 + jitter * (2 * r.nextDouble() - 1)));
        }
        return out;
    }

    /** Browsing: exponential gaps (mean {@code meanGapS}) to a small pool of popular sites, so pairs do repeat. */
    private static List<SecurityEvent> browsing(Random r, String source, double meanGapS, long untilMillis) {
        List<SecurityEvent> out = new ArrayList<>();
        long t = T0;
        int i = 0;
        while (t < untilMillis) {
            String site = "198.51.100." + (1 + (int) Math.min(11, Math.abs(r.nextGaussian() * 4)));
            long duration = 100 + r.nextInt(20_000);
            out.add(flow("web-" + source + "-" + i++, t, t + duration, source, site, 443, 500L + r.nextInt(3_000),
                    2_000L + r.nextInt(900_000)));
            t += (long) (-Math.log(1 - r.nextDouble()) * meanGapS * S);
        }
        return out;
    }

    @Test
    void firesOnceOnAJitteredBeaconAmongBackgroundTraffic() {
        Random r = new Random(20261124);
        List<SecurityEvent> events = new ArrayList<>(beacon(r, HOST, C2, 443, 60, 0.05, 40, T0));
        events.addAll(browsing(r, HOST, 30, T0 + 40 * 60 * S));
        events.addAll(browsing(r, "10.0.0.6", 20, T0 + 40 * 60 * S));

        List<Alert> alerts = DetectorRunner.run(new BeaconDetector(BeaconConfig.defaults()), byTime(events));

        assertThat(alerts).hasSize(1); // 40 beats in 40 min, suppressed for 6 h after the first alert
        Alert a = alerts.get(0);
        assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.beaconing");
        assertThat(a.severity()).isEqualTo(Severity.HIGH); // sizes regular too
        assertThat(a.category()).isEqualTo(IncidentCategory.MALICIOUS_PROGRAM);
        assertThat(a.tactics()).containsExactly(AttackTactic.COMMAND_AND_CONTROL);
        assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T1071");
        assertThat(a.entities().sourceIps()).containsExactly(HOST);
        assertThat(a.entities().destinationIps()).containsExactly(C2);
        assertThat(a.eventIds()).hasSize(8).allMatch(id -> id.startsWith("beacon-"));
        assertThat(a.message()).contains("203.0.113.9:443").containsPattern("8 connections every (59|60)\\.\\d s");
    }

    @Test
    void quietOnIrregularBrowsingEvenWhenPairsRepeatOften() {
        Random r = new Random(7);
        List<SecurityEvent> events = new ArrayList<>();
        for (int h = 1; h <= 20; h++) {
            events.addAll(browsing(r, "10.0.1." + h, 10 + h * 3, T0 + 6 * 3600 * S));
        }
        Map<String, Integer> perPair = new HashMap<>();
        events.forEach(e -> perPair.merge(e.source().ip() + ">" + e.destination().ip(), 1, Integer::sum));
        assertThat(perPair.values()).as("pairs repeat enough to be judged").anyMatch(n -> n >= 100);

        assertThat(DetectorRunner.run(new BeaconDetector(BeaconConfig.defaults()), byTime(events))).isEmpty();
    }

    @Test
    void needsMinConnectionsInsideTheWindow() {
        Random r = new Random(1);
        assertThat(DetectorRunner.run(detector("min_connections: 8"), beacon(r, HOST, C2, 443, 60, 0, 7, T0))).isEmpty();
        assertThat(DetectorRunner.run(detector("min_connections: 8"), beacon(r, HOST, C2, 443, 60, 0, 8, T0))).hasSize(1);
        // 8 beats 1 h apart do not fit in a 6 h window
        assertThat(DetectorRunner.run(detector(""), beacon(r, HOST, C2, 443, 3600, 0, 8, T0))).isEmpty();
        assertThat(DetectorRunner.run(detector("window: 8h"), beacon(r, HOST, C2, 443, 3600, 0, 8, T0))).hasSize(1);
    }

    /** Intervals 60 ± d alternating, one of 60: the MAD is d, the median 60. */
    private static List<SecurityEvent> alternating(double d) {
        long[] gaps = {(long) ((60 - d) * S), (long) ((60 + d) * S), (long) ((60 - d) * S), (long) ((60 + d) * S),
                (long) ((60 - d) * S), (long) ((60 + d) * S), 60 * S};
        List<SecurityEvent> out = new ArrayList<>();
        long t = T0;
        for (int i = 0; i <= gaps.length; i++) {
            out.add(flow("f" + i, t, t + 100, HOST, C2, 443, 100L, 100L));
            t += i < gaps.length ? gaps[i] : 0;
        }
        return out;
    }

    @Test
    void intervalMadRatioIsTheBoundary() {
        assertThat(DetectorRunner.run(detector("max_interval_mad_ratio: 0.10"), alternating(5.4))).hasSize(1); // 0.09
        assertThat(DetectorRunner.run(detector("max_interval_mad_ratio: 0.10"), alternating(6.6))).isEmpty(); // 0.11
    }

    @Test
    void missedBeatsAndStrayConnectionsDoNotHideABeacon() {
        List<SecurityEvent> events = new ArrayList<>(beacon(new Random(3), HOST, C2, 443, 60, 0.02, 12, T0));
        events.remove(5); // one beat missed: a 120 s interval
        events.add(flow("stray", T0 + 185 * S, T0 + 186 * S, HOST, C2, 443, 5_000L, 90_000L));
        assertThat(DetectorRunner.run(detector(""), byTime(events))).hasSize(1);
    }

    @Test
    void sessionsFasterThanMinIntervalAndIgnoredPortsOrDestinationsAreNotBeacons() {
        assertThat(DetectorRunner.run(detector(""), beacon(new Random(4), HOST, C2, 443, 5, 0, 30, T0))).isEmpty();
        assertThat(DetectorRunner.run(detector(""), beacon(new Random(4), HOST, C2, 123, 64, 0, 30, T0))).isEmpty();
        assertThat(DetectorRunner.run(detector("ignore_destination_ports: []"),
                beacon(new Random(4), HOST, C2, 123, 64, 0, 30, T0))).hasSize(1);
        assertThat(DetectorRunner.run(detector("ignore_destinations: [203.0.113.9]"),
                beacon(new Random(4), HOST, C2, 443, 64, 0, 30, T0))).isEmpty();
    }

    @Test
    void irregularSizesGiveMediumSeverityOrNothingWhenRegularSizeIsRequired() {
        Random r = new Random(5);
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = T0 + i * 60 * S;
            events.add(flow("v" + i, t, t + 200, HOST, C2, 443, 100L + r.nextInt(50_000), 100L + r.nextInt(500_000)));
        }
        assertThat(DetectorRunner.run(detector(""), events)).extracting(Alert::severity).containsExactly(Severity.MEDIUM);
        assertThat(DetectorRunner.run(detector("require_regular_size: true"), events)).isEmpty();
    }

    @Test
    void alertsAgainOnlyAfterTheSuppressionPeriod() {
        List<SecurityEvent> events = beacon(new Random(6), HOST, C2, 443, 120, 0.05, 14 * 30, T0); // 14 h
        List<Alert> alerts = DetectorRunner.run(detector("suppress: 6h"), events);
        assertThat(alerts).hasSize(3);
        for (int i = 1; i < alerts.size(); i++) {
            assertThat(alerts.get(i).timestamp().toEpochMilli() - alerts.get(i - 1).timestamp().toEpochMilli())
                    .isGreaterThanOrEqualTo(6 * 3600 * S - 120 * S);
        }
    }

    @Test
    void startsArrivingOutOfOrderAreSortedBack() {
        // long and short connections: reported at their end, so starts arrive out of order
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = T0 + i * 60 * S;
            long duration = (i % 2 == 0) ? 150 * S : 1 * S;
            events.add(flow("o" + i, start, start + duration, HOST, C2, 443, 300L, 300L));
        }
        List<SecurityEvent> delivered = byTime(events);
        assertThat(delivered.get(0).event().start()).isAfter(delivered.get(1).event().start());
        assertThat(DetectorRunner.run(detector(""), delivered)).hasSize(1);
    }

    /** 100 new destinations a minute: a beacon every minute survives a cap of 128 (it has 2+ starts, they have 1). */
    @Test
    void pairsPerSourceAreCappedAndTheBusiestPairsStay() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BeaconDetector d = new BeaconDetector(BeaconConfig.fromYaml("max_pairs_per_source: 128", "t").orThrow(), registry);
        KeyDriver<BeaconState> driver = new KeyDriver<>(d, HOST);
        Random r = new Random(8);
        List<SecurityEvent> events = new ArrayList<>(beacon(r, HOST, C2, 443, 60, 0.03, 10, T0));
        for (int i = 0; i < 1_000; i++) {
            long t = T0 + i * 600;
            events.add(flow("scan" + i, t, t + 10, HOST, "192.0.2." + (i % 250), 1_000 + i, 60L, 0L));
        }
        byTime(events).forEach(driver::accept);

        assertThat(driver.state.pairCount()).isEqualTo(128);
        assertThat(registry.get("fenghuo.anomaly.state_overflow").tag("what", "pairs").counter().count()).isEqualTo(1_000 + 1 - 128);
        assertThat(driver.alerts).hasSize(1);
        assertThat(driver.timers).hasSize(1); // one expiry timer per source, not one per event
    }

    @Test
    void idlePairsAndThenTheSourceExpireThroughTimers() {
        DetectorRunner<BeaconState> runner = new DetectorRunner<>(detector("window: 1h"), 0, a -> { });
        beacon(new Random(9), HOST, C2, 443, 60, 0.05, 20, T0).forEach(runner::accept);
        assertThat(runner.keys()).isEqualTo(1);
        runner.accept(flow("late", T0 + 3 * 3600 * S, T0 + 3 * 3600 * S, "10.9.9.9", C2, 443, 1L, 1L));
        assertThat(runner.keys()).as("the beaconing host was idle for more than the window").isEqualTo(1);
        runner.finish();
        assertThat(runner.keys()).isZero();
        assertThat(runner.pendingTimers()).isZero();
    }

    @Test
    void theExpiryTimerKeepsAnActiveSourceAndDropsOnlyItsIdlePairs() {
        KeyDriver<BeaconState> driver = new KeyDriver<>(detector("window: 1h"), HOST);
        driver.accept(flow("a", T0, T0 + 1, HOST, "192.0.2.1", 80, 1L, 1L));
        driver.accept(flow("b", T0 + 50 * 60 * S, T0 + 50 * 60 * S, HOST, "192.0.2.2", 80, 1L, 1L));
        assertThat(driver.fireNextTimer()).isFalse(); // at T0 + 1 h: pair a is idle, b is not
        assertThat(driver.state.pairCount()).isEqualTo(1);
        assertThat(driver.timers).containsExactly(T0 + 110 * 60 * S);
        assertThat(driver.fireNextTimer()).isTrue();
    }

    @Test
    void aTimerThatOutlivedItsStateDoesNotKeepTheKey() {
        KeyDriver<BeaconState> driver = new KeyDriver<>(detector(""), HOST);
        driver.registerTimer(T0);
        assertThat(driver.fireNextTimer()).isTrue();
    }
}
