package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.correlation.types.SecurityEventTypeInfo;
import org.fenghuo.detection.anomaly.auth.BruteForceConfig;
import org.fenghuo.detection.anomaly.auth.BruteForceDetector;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out-of-order input through the guard, the watermarks, detection and the keyed anomaly operator on a MiniCluster. */
class GuardedDetectionMiniClusterTest {
    static final Duration OUT_OF_ORDER = Duration.ofSeconds(5);

    /** A watermark after every event that raises the maximum, so which event is late does not depend on timing. */
    static final class EveryEvent implements WatermarkGenerator<SecurityEvent> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(SecurityEvent event, long timestamp, WatermarkOutput output) {
            if (timestamp > max) {
                max = timestamp;
                output.emitWatermark(new Watermark(max - OUT_OF_ORDER.toMillis()));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    @TempDir
    Path dir;

    @Test
    void alertsHitsLateEventsAndDeadLettersEachEndWhereTheyShould() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("pack.yml"), DetectionFunctionTest.PACK_V1);
        DetectionSettings detection = DetectionSettings.defaults().withSigmaRules(rules.toString()).withPipelines("none");

        Instant base = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        List<SecurityEvent> input = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            input.add(TestEvents.sshFailure("fail-" + i, base.plusSeconds(2L * i), "198.51.100.23"));
        }
        // out of order within the bound: pairs swapped
        for (int i = 0; i + 1 < input.size(); i += 2) {
            Collections.swap(input, i, i + 1);
        }
        input.add(DetectionFunctionTest.accepted("accepted", base.plusSeconds(40), "198.51.100.23"));
        input.add(TestEvents.sshFailure("untimed", base, "10.0.0.1").toBuilder().timestamp(null).build());
        input.add(TestEvents.sshFailure("future", Instant.now().plus(Duration.ofDays(1)), "10.0.0.1"));
        // an hour behind the watermark: late
        input.add(TestEvents.sshFailure("late", base.minus(Duration.ofHours(1)), "10.0.0.2"));
        input.add(TestEvents.sshFailure("last", base.plusSeconds(60), "10.0.0.3"));

        StreamExecutionEnvironment env = LocalEnvironments.create(1);
        DataStream<SecurityEvent> events = env.fromData(input, SecurityEventTypeInfo.INSTANCE);
        EventTimeGuards.Guarded guarded = EventTimeGuards.guard(events, EventTimeSettings.defaults(),
                WatermarkStrategy.<SecurityEvent>forGenerator(ctx -> new EveryEvent())
                        .withTimestampAssigner((e, t) -> e.timestamp().toEpochMilli()),
                "event-time");
        DataStream<DetectionUpdate> updates = env.fromData(List.of(DetectionUpdate.reload(1)), DetectionControl.TYPE);
        DetectionOperators.Detected detected = DetectionOperators.detect(guarded.every(), detection, updates);
        DetectorSet bruteForce = () -> List.of(BruteForceDetector.bruteForce(BruteForceConfig.defaults()),
                BruteForceDetector.successAfterBruteForce(BruteForceConfig.defaults()));
        DataStream<Alert> anomalies = AnomalyOperators.detect(guarded.onTime(), bruteForce, AnomalySettings.defaults());

        CloseableIterator<Alert> alerts = detected.alerts().union(anomalies).collectAsync();
        CloseableIterator<RuleHit> hits = detected.hits().collectAsync();
        CloseableIterator<SecurityEvent> late = guarded.late().collectAsync();
        CloseableIterator<DeadLetter> dead = guarded.deadLetters().collectAsync();
        env.executeAsync("guarded-detection");

        Map<String, Integer> alertsByRule = new TreeMap<>();
        alerts.forEachRemaining(a -> alertsByRule.merge(a.ruleId(), 1, Integer::sum));
        List<String> hitEvents = new ArrayList<>();
        hits.forEachRemaining(h -> hitEvents.add(h.event().event().id()));
        List<String> lateEvents = new ArrayList<>();
        late.forEachRemaining(e -> lateEvents.add(e.event().id()));
        List<String> reasons = new ArrayList<>();
        dead.forEachRemaining(d -> reasons.add(d.reason()));

        assertThat(alertsByRule).isEqualTo(Map.of(
                DetectionFunctionTest.ACCEPTED_ID, 1,
                "fenghuo.anomaly.brute_force", 1,
                "fenghuo.anomaly.brute_force.success", 1));
        assertThat(lateEvents).containsExactly("late");
        // late events are still judged by the stateless detection: 12 + late + last failures are hits
        assertThat(hitEvents).hasSize(14).contains("late", "last", "fail-0", "fail-11");
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).isEqualTo("missing_timestamp");
        assertThat(reasons.get(1)).startsWith("future_timestamp: ").contains(" ahead");
    }

    @Test
    void withoutAControlStreamTheInitialSetRuns() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("pack.yml"), DetectionFunctionTest.PACK_V1);
        DetectionSettings detection = DetectionSettings.defaults().withSigmaRules(rules.toString()).withPipelines("none");
        Instant base = Instant.now().minus(Duration.ofDays(1));
        StreamExecutionEnvironment env = LocalEnvironments.create(1);
        DataStream<SecurityEvent> events = env.fromData(List.of(
                DetectionFunctionTest.accepted("a1", base, "198.51.100.23"),
                TestEvents.sshFailure("f1", base.plusSeconds(1), "198.51.100.23")), SecurityEventTypeInfo.INSTANCE);
        List<Alert> alerts = DetectionOperators.detect(events, detection).alerts().executeAndCollect(10);
        assertThat(alerts).extracting(Alert::ruleId).containsExactly(DetectionFunctionTest.ACCEPTED_ID);
    }
}
