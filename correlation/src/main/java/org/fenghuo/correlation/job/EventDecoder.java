package org.fenghuo.correlation.job;

import java.time.Instant;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;

/**
 * Decodes ECS JSON records into events. A record that is not a valid event goes to the
 * {@link #DEAD_LETTERS} side output with the reason and its raw bytes, and is counted: the
 * stream goes on.
 */
public final class EventDecoder extends ProcessFunction<RawRecord, SecurityEvent> {
    private static final long serialVersionUID = 1L;

    /** Cap on raw bytes kept per dead letter, so one huge bad record cannot blow up the store. */
    static final int MAX_RAW_BYTES = 64 * 1024;
    /**
     * Cap on an event: a record decompressed from a Kafka batch can be far larger than the batch, and
     * one such event would be copied at every hop, indexed and held in operator state.
     */
    static final int MAX_EVENT_BYTES = 1 << 20;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {
        private static final long serialVersionUID = 1L;
    };

    private transient Counter decoded;
    private transient Counter malformed;
    private transient Counter timedByKafka;

    @Override
    public void open(OpenContext openContext) {
        decoded = getRuntimeContext().getMetricGroup().counter("eventsDecoded");
        malformed = getRuntimeContext().getMetricGroup().counter("eventsMalformed");
        timedByKafka = getRuntimeContext().getMetricGroup().counter("eventsTimedByKafka");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<SecurityEvent> out) {
        if (record.value().length == 0) {
            reject(record, "empty record value", ctx);
            return;
        }
        if (record.value().length > MAX_EVENT_BYTES) {
            reject(record, "event of " + record.value().length + " bytes, more than the " + MAX_EVENT_BYTES
                    + " an event may take", ctx);
            return;
        }
        SecurityEvent event;
        try {
            event = EcsJsonCodec.fromJson(record.value());
        } catch (EcsJsonException | RuntimeException e) {
            reject(record, "not an ECS event: " + e.getMessage(), ctx);
            return;
        }
        if (event.timestamp() == null) {
            // Event time drives every window downstream; the Kafka append time is the best we have.
            // Counted, so a collector that stopped sending @timestamp shows up on the dashboard.
            timedByKafka.inc();
            event = event.toBuilder().timestamp(Instant.ofEpochMilli(record.timestamp())).build();
        }
        decoded.inc();
        out.collect(event);
    }

    private void reject(RawRecord record, String reason, Context ctx) {
        malformed.inc();
        ctx.output(DEAD_LETTERS, DeadLetter.of(Instant.now(), "correlation.decoder", record.origin(), record.offset(),
                reason, record.value(), MAX_RAW_BYTES));
    }
}
