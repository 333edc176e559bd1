package org.fenghuo.correlation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class EventDecoderTest {

    private static RawRecord record(long offset, long kafkaTime, byte[] value) {
        return new RawRecord("fenghuo.events", 0, offset, kafkaTime, value);
    }

    @Test
    void decodesEventsAndSendsBadRecordsToDeadLetters() throws Exception {
        SecurityEvent event = TestEvents.sshFailure("a", Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.9");
        byte[] bad = "this is not json".getBytes(StandardCharsets.UTF_8);
        try (OneInputStreamOperatorTestHarness<RawRecord, SecurityEvent> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EventDecoder())) {
            harness.processElement(record(1, 0, EcsJsonCodec.toJsonBytes(event)), 0);
            harness.processElement(record(2, 0, bad), 0);
            harness.processElement(record(3, 0, new byte[0]), 0);

            assertThat(harness.extractOutputValues()).containsExactly(event);
            ConcurrentLinkedQueue<StreamRecord<DeadLetter>> letters = harness.getSideOutput(EventDecoder.DEAD_LETTERS);
            List<DeadLetter> deadLetters = letters.stream().map(StreamRecord::getValue).toList();
            assertThat(deadLetters).hasSize(2);
            assertThat(deadLetters.get(0).origin()).isEqualTo("fenghuo.events/0@2");
            assertThat(deadLetters.get(0).reason()).startsWith("not an ECS event");
            assertThat(Base64.getDecoder().decode(deadLetters.get(0).rawBase64())).isEqualTo(bad);
            assertThat(deadLetters.get(1).reason()).isEqualTo("empty record value");
        }
    }

    @Test
    void eventWithoutTimestampTakesTheKafkaTime() throws Exception {
        SecurityEvent untimed = TestEvents.sshFailure("b", null, "10.0.0.9");
        try (OneInputStreamOperatorTestHarness<RawRecord, SecurityEvent> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EventDecoder())) {
            harness.processElement(record(1, 1_700_000_000_000L, EcsJsonCodec.toJsonBytes(untimed)), 0);
            assertThat(harness.extractOutputValues()).singleElement()
                    .extracting(SecurityEvent::timestamp).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        }
    }

    @Test
    void oversizedBadRecordIsKeptCutWithItsFullLength() throws Exception {
        byte[] huge = new byte[EventDecoder.MAX_RAW_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        try (OneInputStreamOperatorTestHarness<RawRecord, SecurityEvent> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EventDecoder())) {
            harness.processElement(record(7, 0, huge), 0);
            DeadLetter letter = harness.getSideOutput(EventDecoder.DEAD_LETTERS).peek().getValue();
            assertThat(letter.rawLength()).isEqualTo(huge.length);
            assertThat(Base64.getDecoder().decode(letter.rawBase64())).hasSize(EventDecoder.MAX_RAW_BYTES);
        }
    }

    @Test
    void anEventLargerThanTheCapIsRefusedWithItsSize() throws Exception {
        String message = "m".repeat(EventDecoder.MAX_EVENT_BYTES);
        byte[] json = ("{\"@timestamp\":\"2026-11-24T10:00:00Z\",\"message\":\"" + message + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (OneInputStreamOperatorTestHarness<RawRecord, SecurityEvent> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new EventDecoder())) {
            harness.processElement(record(8, 0, json), 0);
            assertThat(harness.extractOutputValues()).isEmpty();
            DeadLetter letter = harness.getSideOutput(EventDecoder.DEAD_LETTERS).peek().getValue();
            assertThat(letter.reason()).isEqualTo("event of " + json.length + " bytes, more than the 1048576 an event may take");
            assertThat(letter.rawLength()).isEqualTo(json.length);
        }
    }
}
