package org.fenghuo.correlation.job;

import java.time.Instant;
import java.util.Base64;

import org.apache.flink.api.common.functions.MapFunction;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;

/**
 * Reads the dead letters collectors wrote to Kafka. One that cannot be read is itself kept as a
 * dead letter (its bytes intact), because dropping it would lose the evidence twice.
 */
public final class DeadLetterDecoder implements MapFunction<RawRecord, DeadLetter> {
    private static final long serialVersionUID = 1L;

    @Override
    public DeadLetter map(RawRecord record) {
        try {
            return DeadLetterJson.fromJson(record.value());
        } catch (Exception e) {
            return new DeadLetter(Instant.ofEpochMilli(record.timestamp()), "correlation.dead-letter-decoder",
                    record.origin(), record.offset(), "unreadable dead letter: " + e.getMessage(),
                    Base64.getEncoder().encodeToString(record.value()), record.value().length);
        }
    }
}
