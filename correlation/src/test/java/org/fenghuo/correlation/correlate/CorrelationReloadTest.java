package org.fenghuo.correlation.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.fenghuo.correlation.TestRules;
import org.fenghuo.correlation.detect.DetectionSettings;
import org.fenghuo.correlation.detect.DetectionUpdate;
import org.fenghuo.correlation.types.AlertSerializer;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule-control updates on the correlator's second input: new rules without a restart, windows carried over. */
class CorrelationReloadTest {
    private static final String GUESSING = "7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e92";
    private static final String IP = "10.0.0.1";

    /** A failure rule and a correlation over it: {@code min} failures from one source within 5 minutes. */
    private static String pack(int min) {
        return TestRules.SSH_PASSWORD_FAILURE + """
                title: SSH password guessing
                id: %s
                correlation:
                  type: event_count
                  rules: [ssh_password_failure]
                  group-by: [source.ip]
                  timespan: 5m
                  condition: {gte: %d}
                level: high
                """.formatted(GUESSING, min);
    }

    /** The correlation names a rule that is not in the pack: refused at load. */
    private static final String BROKEN = TestRules.SSH_PASSWORD_FAILURE + """
            title: Guessing over a rule nobody has
            id: 99999999-1a2b-4c3d-9e4f-5a6b7c8d9e92
            correlation: {type: event_count, rules: [no_such_rule], group-by: [source.ip], timespan: 5m, condition: {gte: 2}}
            level: high
            """;

    @TempDir
    Path dir;
    DetectionSettings five;
    DetectionSettings three;
    DetectionSettings broken;

    @BeforeEach
    void packs() throws IOException {
        five = settings("five.yml", pack(5));
        three = settings("three.yml", pack(3));
        broken = settings("broken.yml", BROKEN);
    }

    private DetectionSettings settings(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return DetectionSettings.defaults().withSigmaRules(file.toString()).withPipelines("none");
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, RuleHit, DetectionUpdate, Alert> harness(
            OperatorSubtaskState state) throws Exception {
        CorrelationReload reload = new CorrelationReload(five, CorrelationRules.none());
        HitKeys keys = new HitKeys();
        var h = new KeyedTwoInputStreamOperatorTestHarness<>(new CorrelationOperator(reload.rulesFor(DetectionUpdate.reload(0)),
                CorrelatorFactory.ESPER, keys, CorrelationOperators.LATE_HITS, java.time.Duration.ZERO, reload),
                keys, u -> "control", Types.STRING, CorrelationOperatorTest.MAX_PARALLELISM, 1, 0);
        h.setup(AlertSerializer.INSTANCE);
        if (state == null) {
            h.initializeEmptyState();
        } else {
            h.initializeState(state);
        }
        h.open();
        return h;
    }

    private static void failures(KeyedTwoInputStreamOperatorTestHarness<String, RuleHit, DetectionUpdate, Alert> h,
            long fromSecond, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            long millis = (fromSecond + i) * 1_000;
            RuleHit hit = Scenario.hit("ssh_password_failure", "e" + fromSecond + "-" + i, millis, IP, "root");
            h.processElement1(hit, Scenario.at(millis));
        }
        // just past the last hit, so the next batch's first hit is not behind it
        h.processWatermark1(new org.apache.flink.streaming.api.watermark.Watermark(
                Scenario.at((fromSecond + count - 1) * 1_000 + 500)));
    }

    private static CorrelationOperator operator(KeyedTwoInputStreamOperatorTestHarness<String, RuleHit, DetectionUpdate, Alert> h) {
        return (CorrelationOperator) h.getOperator();
    }

    private static List<String> fired(KeyedTwoInputStreamOperatorTestHarness<String, RuleHit, DetectionUpdate, Alert> h) {
        return h.extractOutputValues().stream().map(Alert::ruleId).toList();
    }

    @Test
    void aChangedCorrelationTakesOverTheWindowInProgress() throws Exception {
        try (var unchanged = harness(null)) {
            unchanged.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
            failures(unchanged, 1, 4);
            assertThat(fired(unchanged)).as("four failures: below the running threshold of five").isEmpty();
        }
        try (var h = harness(null)) {
            h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
            failures(h, 1, 3);
            h.processElement2(new DetectionUpdate(2, three), 0);

            assertThat(operator(h).rulesVersion()).isEqualTo(2);
            assertThat(fired(h)).as("the replay publishes nothing").isEmpty();
            failures(h, 4, 1); // the fourth failure: the three before the reload still count
            assertThat(fired(h)).containsExactly(GUESSING);
        }
    }

    @Test
    void aBrokenStrictSetOrAnOlderVersionLeavesTheRunningRules() throws Exception {
        try (var h = harness(null)) {
            h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
            h.processElement2(new DetectionUpdate(3, broken), 0);
            h.processElement2(new DetectionUpdate(4, settingsOfMissingFile()), 0);
            assertThat(operator(h).rulesVersion()).isZero();
            assertThat(operator(h).reloadsRefused()).isEqualTo(2);

            h.processElement2(new DetectionUpdate(5, three), 0);
            h.processElement2(new DetectionUpdate(5, five), 0); // not newer: ignored
            h.processElement2(new DetectionUpdate(1, five), 0);
            assertThat(operator(h).rulesVersion()).isEqualTo(5);
            failures(h, 1, 3);
            assertThat(fired(h)).as("threshold three, from version 5").containsExactly(GUESSING);
        }
    }

    private DetectionSettings settingsOfMissingFile() {
        return DetectionSettings.defaults().withSigmaRules(dir.resolve("gone.yml").toString()).withPipelines("none");
    }

    @Test
    void aRestoreRunsTheRulesInForceBeforeTheFailure() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(null)) {
            h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
            h.processElement2(new DetectionUpdate(2, three), 0);
            failures(h, 1, 2);
            snapshot = h.snapshot(1, 1);
        }
        try (var restored = harness(snapshot)) {
            restored.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
            assertThat(operator(restored).rulesVersion()).isEqualTo(2);
            failures(restored, 3, 1);
            assertThat(fired(restored)).as("two before the failure and one after reach version 2's three")
                    .containsExactly(GUESSING);
        }
    }

    @Test
    void idleHitsDoNotLetTheControlInputsEndOfTimeCloseEveryWindow() throws Exception {
        try (var h = harness(null)) {
            h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
            failures(h, 1, 2); // watermark just past 2 s
            h.processWatermarkStatus1(org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus.IDLE);
            h.processWatermarkStatus1(org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus.ACTIVE);
            failures(h, 3, 3); // the night is over: the window of five goes on

            assertThat(operator(h).counts().hitsLate()).isZero();
            assertThat(fired(h)).containsExactly(GUESSING);
            assertThat(h.getOutput()).noneMatch(o -> o instanceof org.apache.flink.streaming.api.watermark.Watermark w
                    && w.getTimestamp() == Long.MAX_VALUE);
        }
    }

    @Test
    void aSetDetectionRefusesIsRefusedHereEvenWhenNotStrict() throws Exception {
        try (var h = harness(null)) {
            h.processWatermark2(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
            h.processElement2(new DetectionUpdate(6, settingsOfMissingFile().withStrict(false)), 0);

            assertThat(operator(h).rulesVersion()).isZero();
            assertThat(operator(h).reloadsRefused()).isEqualTo(1);
        }
    }
}
