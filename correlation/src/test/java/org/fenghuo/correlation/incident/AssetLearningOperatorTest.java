package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class AssetLearningOperatorTest {
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    private static OneInputStreamOperatorTestHarness<AssetObservation, LearnedAssetUpdate> unopened() throws Exception {
        IncidentConfig config = new IncidentConfig(new IncidentConfig.Text("incidents.yml",
                "learned_assets:\n  forget_after: 1h\n"), List.of());
        return new OneInputStreamOperatorTestHarness<>(new AssetLearningOperator(config));
    }

    private static OneInputStreamOperatorTestHarness<AssetObservation, LearnedAssetUpdate> harness() throws Exception {
        var h = unopened();
        h.open();
        return h;
    }

    private static void modbus(OneInputStreamOperatorTestHarness<AssetObservation, LearnedAssetUpdate> h, long seconds)
            throws Exception {
        Instant t = T0.plusSeconds(seconds);
        h.processElement(new AssetObservation(t, "10.5.0.10", "10.5.0.20", 502, null), t.toEpochMilli());
    }

    /** Updates and watermarks in the order they left, as text. */
    private static List<String> out(OneInputStreamOperatorTestHarness<AssetObservation, LearnedAssetUpdate> h) {
        return h.getOutput().stream().map(o -> {
            if (o instanceof Watermark w) {
                return "W@" + w.getTimestamp();
            }
            @SuppressWarnings("unchecked")
            StreamRecord<LearnedAssetUpdate> r = (StreamRecord<LearnedAssetUpdate>) o;
            LearnedAssetUpdate u = r.getValue();
            return u.ip() + (u.isForgotten() ? " forgotten after " + u.learned().until() : " since " + u.learned().since())
                    + "@" + r.getTimestamp();
        }).collect(Collectors.toList());
    }

    @Test
    void changesLeaveWithTheTimeOfTheirObservationAheadOfTheWatermark() throws Exception {
        try (var h = harness()) {
            modbus(h, 5);
            modbus(h, 6); // nothing new
            modbus(h, 2); // arrives later, happened earlier: the facts move back to it
            h.processWatermark(T0.plusSeconds(10).toEpochMilli());

            long t2 = T0.plusSeconds(2).toEpochMilli();
            long t5 = T0.plusSeconds(5).toEpochMilli();
            assertThat(out(h)).containsExactly(
                    "10.5.0.10 since " + T0.plusSeconds(5) + "@" + t5, "10.5.0.20 since " + T0.plusSeconds(5) + "@" + t5,
                    "10.5.0.10 since " + T0.plusSeconds(2) + "@" + t2, "10.5.0.20 since " + T0.plusSeconds(2) + "@" + t2,
                    "W@" + T0.plusSeconds(10).toEpochMilli());
        }
    }

    @Test
    void watermarksForgetQuietHostsButTheEndOfTheInputDoesNot() throws Exception {
        try (var h = harness()) {
            modbus(h, 0);
            h.processWatermark(Long.MAX_VALUE);
            assertThat(out(h)).last().isEqualTo("W@" + Long.MAX_VALUE);
            assertThat(out(h)).noneMatch(s -> s.contains("forgotten"));
        }
        try (var h = harness()) {
            modbus(h, 0);
            long past = T0.plus(Duration.ofHours(1)).plusSeconds(1).toEpochMilli();
            h.processWatermark(past);
            Instant end = T0.plus(Duration.ofHours(1)); // an hour after the last observation
            assertThat(out(h)).endsWith("10.5.0.10 forgotten after " + end + "@" + past,
                    "10.5.0.20 forgotten after " + end + "@" + past, "W@" + past);
            assertThat(((AssetLearningOperator) h.getOperator()).learned().size()).isZero();
        }
    }

    @Test
    void aRestoredLearnerKnowsWhatItKnewAndRepeatsNothing() throws Exception {
        OperatorSubtaskState snapshot;
        LearnedAsset before;
        try (var h = harness()) {
            modbus(h, 5);
            before = ((AssetLearningOperator) h.getOperator()).learned().learned("10.5.0.10");
            snapshot = h.snapshot(1, 1);
        }
        try (var restored = unopened()) {
            restored.initializeState(snapshot);
            restored.open();
            assertThat(((AssetLearningOperator) restored.getOperator()).learned().learned("10.5.0.10")).isEqualTo(before);

            modbus(restored, 7);
            assertThat(out(restored)).as("nothing new to announce").isEmpty();
        }
    }
}
