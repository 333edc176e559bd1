package org.fenghuo.correlation.job;

import java.time.Instant;

import org.apache.flink.api.common.functions.MapFunction;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;

/**
 * Reads the dead letters collectors wrote to Kafka. One that cannot be read is itself kept as a
 * dead letter (its first {@link EventDecoder#MAX_RAW_BYTES} bytes and its length, as for events),
 * because dropping it would lose the evidence twice.
 */
public final class DeadLetterDecoder implements MapFunction<RawRecord, DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public DeadLetter map(RawRecord record) {
        try {
            return DeadLetterJson.fromJson(record.value());
        } catch (Exception e) {
            return DeadLetter.of(Instant.ofEpochMilli(record.timestamp()), "correlation.dead-letter-decoder",
                    record.origin(), record.offset(), "unreadable dead letter: " + e.getMessage(), record.value(),
                    EventDecoder.MAX_RAW_BYTES);
        }
    }
}
