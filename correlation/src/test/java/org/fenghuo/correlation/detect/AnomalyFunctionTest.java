package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.fenghuo.detection.anomaly.AnomalyDetectors;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.detection.anomaly.auth.BruteForceConfig;
import org.fenghuo.detection.anomaly.auth.BruteForceDetector;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class AnomalyFunctionTest {
    static final KeySelector<Tuple3<String, String, SecurityEvent>, Tuple2<String, String>> KEY =
            in -> Tuple2.of(in.f0, in.f1);

    /** The operator in a keyed harness, fed as the job feeds it: routed, watermark = max timestamp - out-of-orderness. */
    static final class Driver implements AutoCloseable {
        final KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, Tuple3<String, String, SecurityEvent>, Alert> harness;
        final List<KeyedDetector<?>> detectors;
        final long outOfOrderness;
        long max = Long.MIN_VALUE;

        Driver(DetectorSet set, long outOfOrderness) throws Exception {
            this.detectors = set.create();
            this.outOfOrderness = outOfOrderness;
            harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new AnomalyFunction(set, AnomalySettings.defaults()), KEY, Types.TUPLE(Types.STRING, Types.STRING));
        }

        void accept(SecurityEvent e) throws Exception {
            long t = e.timestamp().toEpochMilli();
            for (KeyedDetector<?> d : detectors) {
                String key = d.key(e);
                if (key != null) {
                    harness.processElement(Tuple3.of(d.id(), key, e), t);
                }
            }
            if (t > max) {
                max = t;
                harness.processWatermark(t - outOfOrderness);
            }
        }

        List<Alert> alerts() {
            return harness.extractOutputValues();
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, Tuple3<String, String, SecurityEvent>, Alert> fresh(
            DetectorSet set) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new org.apache.flink.streaming.api.operators.KeyedProcessOperator<>(
                        new AnomalyFunction(set, AnomalySettings.defaults())),
                KEY, Types.TUPLE(Types.STRING, Types.STRING));
    }

    @Test
    void everyDefaultDetectorAlertsAsDetectorRunnerDoes() throws Exception {
        List<SecurityEvent> events = AnomalyScenario.inOrder();
        for (long outOfOrderness : new long[] {0, 5_000}) {
            Map<String, List<String>> expected = new LinkedHashMap<>();
            for (KeyedDetector<?> d : AnomalyDetectors.defaults()) {
                expected.put(d.id(), runnerAlerts(d, events, outOfOrderness));
            }
            Map<String, List<String>> actual = new LinkedHashMap<>();
            expected.keySet().forEach(id -> actual.put(id, new ArrayList<>()));
            try (Driver driver = new Driver(DetectorSet.defaults(), outOfOrderness)) {
                for (SecurityEvent e : events) {
                    driver.accept(e);
                }
                driver.harness.processWatermark(Long.MAX_VALUE);
                driver.alerts().forEach(a -> actual.get(a.ruleId()).add(a.id()));
            }
            expected.values().forEach(ids -> ids.sort(null));
            actual.values().forEach(ids -> ids.sort(null));
            System.out.println("anomaly alerts per detector (out-of-orderness " + outOfOrderness + " ms): "
                    + expected.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue().size()).toList());
            assertThat(actual).isEqualTo(expected);
            assertThat(expected.values().stream().filter(ids -> !ids.isEmpty()).count()).isGreaterThanOrEqualTo(8);
        }
    }

    private static <S extends Serializable> List<String> runnerAlerts(KeyedDetector<S> d, List<SecurityEvent> events,
            long outOfOrderness) {
        List<Alert> out = new ArrayList<>();
        DetectorRunner<S> runner = new DetectorRunner<>(d, outOfOrderness, out::add);
        events.forEach(runner::accept);
        runner.finish();
        return new ArrayList<>(out.stream().map(Alert::id).toList());
    }

    private static final DetectorSet BRUTE_FORCE = () -> List.of(
            BruteForceDetector.bruteForce(BruteForceConfig.defaults()));

    private static List<SecurityEvent> bruteForceEvents() {
        return AnomalyScenario.inOrder().stream()
                .filter(e -> e.event().action() != null && e.event().action().equals("ssh_login")).toList();
    }

    @Test
    void stateAndTimersAreClearedAfterTheIdleTimeout() throws Exception {
        List<SecurityEvent> events = bruteForceEvents();
        try (Driver driver = new Driver(BRUTE_FORCE, 0)) {
            for (SecurityEvent e : events) {
                driver.accept(e);
            }
            assertThat(driver.harness.numKeyedStateEntries()).isGreaterThan(0);
            assertThat(driver.harness.numEventTimeTimers()).isGreaterThan(0);
            assertThat(driver.alerts()).isNotEmpty();

            long last = events.get(events.size() - 1).timestamp().toEpochMilli();
            driver.harness.processWatermark(last + Duration.ofHours(1).toMillis());
            assertThat(driver.harness.numKeyedStateEntries()).isZero();
            assertThat(driver.harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aBruteForceSpanningASnapshotAlertsOnce() throws Exception {
        // 12 failures in 24 s: the detector needs 10, so neither half alone alerts
        List<SecurityEvent> events = bruteForceEvents().stream()
                .filter(e -> "failure".equals(e.event().outcome())).limit(12).toList();
        List<String> reference = runnerAlerts(BRUTE_FORCE.create().get(0), events, 0);
        assertThat(reference).hasSize(1);
        assertThat(runnerAlerts(BRUTE_FORCE.create().get(0), events.subList(6, 12), 0)).isEmpty();
        OperatorSubtaskState snapshot;
        long max;
        try (Driver driver = new Driver(BRUTE_FORCE, 0)) {
            for (SecurityEvent e : events.subList(0, 6)) {
                driver.accept(e);
            }
            assertThat(driver.alerts()).isEmpty();
            snapshot = driver.harness.snapshot(1, 1);
            max = driver.max;
        }
        try (var h = fresh(BRUTE_FORCE)) {
            h.setup();
            h.initializeState(snapshot);
            h.open();
            // the detector's state and its pending timers (kept as state too: they are ordered with the waiting events)
            assertThat(h.numKeyedStateEntries()).isEqualTo(2);
            assertThat(h.numEventTimeTimers()).isPositive();
            KeyedDetector<?> detector = BRUTE_FORCE.create().get(0);
            for (SecurityEvent e : events.subList(6, 12)) {
                long t = e.timestamp().toEpochMilli();
                h.processElement(Tuple3.of(detector.id(), detector.key(e), e), t);
                if (t > max) {
                    max = t;
                    h.processWatermark(t);
                }
            }
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).extracting(Alert::id).isEqualTo(reference);
            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void stateHasATimeToLive() {
        StateTtlConfig ttl = AnomalyFunction.ttl(new AnomalySettings(Duration.ofHours(24)));
        assertThat(ttl.isEnabled()).isTrue();
        assertThat(ttl.getTimeToLive()).isEqualTo(Duration.ofHours(24));
        assertThat(ttl.getUpdateType()).isEqualTo(StateTtlConfig.UpdateType.OnCreateAndWrite);
        assertThat(ttl.getStateVisibility()).isEqualTo(StateTtlConfig.StateVisibility.NeverReturnExpired);
        assertThat(new AnomalySettings(Duration.ZERO).problems())
                .containsExactly("anomaly.state-ttl = PT0S: expected a duration > 0");
    }
}
