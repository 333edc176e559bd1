package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class EventTimeGuardTest {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final EventTimeSettings SETTINGS = new EventTimeSettings(Duration.ofMinutes(5), Duration.ofSeconds(10));

    private static List<String> ids(List<SecurityEvent> events) {
        return events.stream().map(e -> e.event().id()).toList();
    }

    @Test
    void timestampsBeyondWhatMillisecondsHoldAreDeadLetteredNotAFailedTask() throws Exception {
        // toEpochMilli() of these throws: the guard must judge them without it (the task would restart forever)
        try (OneInputStreamOperatorTestHarness<SecurityEvent, SecurityEvent> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new TimestampGuard(SETTINGS))) {
            h.setProcessingTime(NOW.toEpochMilli());
            h.processElement(TestEvents.sshFailure("far-future", Instant.parse("+999999999-01-01T00:00:00Z"), "10.0.0.1"), 0);
            h.processElement(TestEvents.sshFailure("far-past", Instant.parse("-999999999-01-01T00:00:00Z"), "10.0.0.1"), 0);
            h.processElement(TestEvents.sshFailure("before-1970", Instant.parse("1969-12-31T23:59:59Z"), "10.0.0.1"), 0);

            assertThat(h.extractOutputValues()).isEmpty();
            assertThat(h.getSideOutput(TimestampGuard.DEAD_LETTERS)).extracting(r -> r.getValue().reason())
                    .satisfiesExactly(r -> assertThat(r).startsWith("future_timestamp: +999999999-01-01T00:00:00Z"),
                            r -> assertThat(r).isEqualTo("timestamp_out_of_range: -999999999-01-01T00:00:00Z is before 1970"),
                            r -> assertThat(r).isEqualTo("timestamp_out_of_range: 1969-12-31T23:59:59Z is before 1970"));
        }
    }

    @Test
    void missingAndFutureTimestampsBecomeDeadLettersWithTheirReason() throws Exception {
        TimestampGuard guard = new TimestampGuard(SETTINGS);
        try (OneInputStreamOperatorTestHarness<SecurityEvent, SecurityEvent> h =
                ProcessFunctionTestHarnesses.forProcessFunction(guard)) {
            h.setProcessingTime(NOW.toEpochMilli());
            SecurityEvent untimed = TestEvents.sshFailure("no-time", NOW, "10.0.0.1").toBuilder().timestamp(null).build();
            h.processElement(untimed, 0);
            h.processElement(TestEvents.sshFailure("future", NOW.plus(Duration.ofMinutes(5)).plusMillis(1), "10.0.0.1"), 0);
            h.processElement(TestEvents.sshFailure("edge", NOW.plus(Duration.ofMinutes(5)), "10.0.0.1"), 0);
            h.processElement(TestEvents.sshFailure("past", NOW.minus(Duration.ofDays(3)), "10.0.0.1"), 0);

            assertThat(ids(h.extractOutputValues())).containsExactly("edge", "past");
            List<DeadLetter> dead = h.getSideOutput(TimestampGuard.DEAD_LETTERS).stream().map(StreamRecord::getValue)
                    .toList();
            assertThat(dead).extracting(DeadLetter::reason).containsExactly("missing_timestamp",
                    "future_timestamp: 2026-11-24T09:05:00.001Z is more than PT5M ahead of the clock");
            assertThat(guard.missingCount()).isEqualTo(1);
            assertThat(guard.futureCount()).isEqualTo(1);
            assertThat(dead).extracting(DeadLetter::origin).containsExactly("event.id no-time", "event.id future");
            assertThat(dead).allSatisfy(d -> {
                assertThat(d.input()).isEqualTo(TimestampGuard.INPUT);
                assertThat(d.timestamp()).isEqualTo(NOW);
            });
            // the event is kept, as ECS JSON
            assertThat(EcsJsonCodec.fromJson(dead.get(0).rawBytes()).event().id()).isEqualTo("no-time");

            // the processing clock moves on: the same stamp is no longer in the future
            h.setProcessingTime(NOW.plus(Duration.ofMinutes(1)).toEpochMilli());
            h.processElement(TestEvents.sshFailure("future-now-ok", NOW.plus(Duration.ofMinutes(5)).plusMillis(1),
                    "10.0.0.1"), 0);
            assertThat(ids(h.extractOutputValues())).endsWith("future-now-ok");
        }
    }

    @Test
    void eventsBehindTheWatermarkByMoreThanTheAllowedLatenessGoToTheLateOutput() throws Exception {
        LateEventSplitter splitter = new LateEventSplitter(SETTINGS);
        try (OneInputStreamOperatorTestHarness<SecurityEvent, SecurityEvent> h =
                ProcessFunctionTestHarnesses.forProcessFunction(splitter)) {
            h.processElement(TestEvents.sshFailure("before-any-watermark", NOW.minus(Duration.ofDays(1)), "10.0.0.1"),
                    NOW.minus(Duration.ofDays(1)).toEpochMilli());
            h.processWatermark(NOW.toEpochMilli());
            // the watermark W says nothing at or before W comes: with 10 s lateness, W - 10 s itself is late
            Instant lateBy10s = NOW.minusSeconds(10);
            Instant within = lateBy10s.plusMillis(1);
            h.processElement(TestEvents.sshFailure("within-lateness", within, "10.0.0.1"), within.toEpochMilli());
            h.processElement(TestEvents.sshFailure("too-late", lateBy10s, "10.0.0.1"), lateBy10s.toEpochMilli());
            h.processElement(TestEvents.sshFailure("on-time", NOW.plusSeconds(1), "10.0.0.1"),
                    NOW.plusSeconds(1).toEpochMilli());

            assertThat(ids(h.extractOutputValues())).containsExactly("before-any-watermark", "within-lateness", "on-time");
            assertThat(h.getSideOutput(LateEventSplitter.LATE)).extracting(r -> r.getValue().event().id())
                    .containsExactly("too-late");
            assertThat(splitter.lateCount()).isEqualTo(1);
        }
    }

    @Test
    void settingsNameTheirKeys() {
        assertThat(new EventTimeSettings(Duration.ZERO, Duration.ofSeconds(-1)).problems()).containsExactly(
                "event-time.max-future-skew = PT0S: expected a duration > 0",
                "event-time.allowed-lateness = PT-1S: expected a duration >= 0");
        assertThat(EventTimeSettings.defaults().problems()).isEmpty();
    }

    @Test
    void controlRecordsParseOrSayWhatIsWrong() throws Exception {
        assertThat(DetectionControl.parse("{\"version\": 3}")).isEqualTo(DetectionUpdate.reload(3));
        DetectionUpdate full = DetectionControl.parse("{\"version\": 4, \"sigma_rules\": [\"/r\"], "
                + "\"indicators\": [\"list:/i.txt\"], \"strict\": false}");
        assertThat(full.settings()).isEqualTo(new DetectionSettings(List.of("/r"), List.of("standard"), null, null,
                List.of("list:/i.txt"), false));
        try (OneInputStreamOperatorTestHarness<String, DetectionUpdate> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new DetectionControl())) {
            h.processElement("{\"version\": 0}", 0);
            h.processElement("not json", 0);
            h.processElement("{\"version\": 5, \"sigma_rules\": \"/r\"}", 0);
            h.processElement("{\"version\": 6}", 0);
            assertThat(h.extractOutputValues()).containsExactly(DetectionUpdate.reload(6));
            assertThat(h.getSideOutput(DetectionControl.DEAD_LETTERS)).extracting(r -> r.getValue().reason())
                    .containsExactly("detection control record: version = 0: expected an integer > 0",
                            "detection control record is not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                            "detection control record: sigma_rules: expected an array of strings");
        }
    }
}
