package org.fenghuo.correlation.detect;

import java.time.Duration;
import java.time.Instant;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/**
 * In front of the watermark assigner: an event without {@code @timestamp}, or stamped more than
 * {@link EventTimeSettings#maxFutureSkew} ahead of the processing clock, becomes a dead letter
 * ({@link #DEAD_LETTERS}, counted) instead of reaching the watermarks. The processing clock is
 * Flink's ({@code timerService().currentProcessingTime()}), which tests set through the harness.
 */
public final class TimestampGuard extends ProcessFunction<SecurityEvent, SecurityEvent> {
    private static final long serialVersionUID = 1L;

    /** Dead letters' {@code fenghuo.input}. */
    public static final String INPUT = "correlation.event-time";
    static final int MAX_RAW_BYTES = 64 * 1024;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("event-time-dead-letters") {
        private static final long serialVersionUID = 1L;
    };

    private final long maxSkewMillis;

    private transient Counter missing;
    private transient Counter future;
    private transient Counter outOfRange;

    public TimestampGuard(EventTimeSettings settings) {
        this.maxSkewMillis = settings.validated().maxFutureSkew().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        missing = getRuntimeContext().getMetricGroup().counter("eventsMissingTimestamp");
        future = getRuntimeContext().getMetricGroup().counter("eventsFutureTimestamp");
        outOfRange = getRuntimeContext().getMetricGroup().counter("eventsTimestampOutOfRange");
    }

    @Override
    public void processElement(SecurityEvent event, Context ctx, Collector<SecurityEvent> out) {
        long now = ctx.timerService().currentProcessingTime();
        Instant ts = event.timestamp();
        if (ts == null) {
            missing.inc();
            ctx.output(DEAD_LETTERS, deadLetter(event, now, "missing_timestamp"));
            return;
        }
        // Instants, not millis: a parsed year of +999999999 overflows toEpochMilli and would fail the task forever
        if (ts.isBefore(Instant.EPOCH)) {
            outOfRange.inc();
            ctx.output(DEAD_LETTERS, deadLetter(event, now, "timestamp_out_of_range: " + ts + " is before 1970"));
            return;
        }
        if (ts.isAfter(Instant.ofEpochMilli(now).plusMillis(maxSkewMillis))) {
            future.inc();
            // the reason names the limit, not how far ahead: the dead letter's id hashes its reason,
            // and a replay at another wall-clock time must give the same document
            ctx.output(DEAD_LETTERS, deadLetter(event, now,
                    "future_timestamp: " + ts + " is more than " + Duration.ofMillis(maxSkewMillis) + " ahead of the clock"));
            return;
        }
        out.collect(event);
    }

    /** Events dead-lettered for a missing timestamp (tests). */
    long missingCount() {
        return missing.getCount();
    }

    /** Events dead-lettered for a future timestamp (tests). */
    long futureCount() {
        return future.getCount();
    }

    private static DeadLetter deadLetter(SecurityEvent event, long now, String reason) {
        String id = event.event() == null ? null : event.event().id();
        return DeadLetter.of(Instant.ofEpochMilli(now), INPUT, id == null ? null : "event.id " + id, -1, reason,
                EcsJsonCodec.toJsonBytes(event), MAX_RAW_BYTES);
    }
}
