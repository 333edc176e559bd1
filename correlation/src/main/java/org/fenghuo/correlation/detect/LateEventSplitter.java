package org.fenghuo.correlation.detect;

import java.time.Instant;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fenghuo.correlation.types.SecurityEventTypeInfo;
import org.fenghuo.events.SecurityEvent;

/**
 * After the watermark assigner: an event older than the watermark minus
 * {@link EventTimeSettings#allowedLateness} goes to {@link #LATE} (counted, {@code eventsLate}) for
 * the late-data index; on-time events pass. Late events are stored, never dropped silently; the job
 * still runs the stateless detection over them, but not the keyed anomaly and correlation operators,
 * whose windows around that time are already decided.
 */
public final class LateEventSplitter extends ProcessFunction<SecurityEvent, SecurityEvent> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<SecurityEvent> LATE = new OutputTag<>("late-events", SecurityEventTypeInfo.INSTANCE);

    private final long allowedLatenessMillis;

    private transient Counter late;

    public LateEventSplitter(EventTimeSettings settings) {
        this.allowedLatenessMillis = settings.validated().allowedLateness().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter("eventsLate");
    }

    @Override
    public void processElement(SecurityEvent event, Context ctx, Collector<SecurityEvent> out) {
        long watermark = ctx.timerService().currentWatermark();
        // no watermark yet (Long.MIN_VALUE): nothing is late; subtracting would wrap around.
        // A watermark W says nothing at or before W comes any more: at W itself is late, as the correlation operator judges it
        boolean isLate = watermark != Long.MIN_VALUE && event.timestamp() != null
                && !event.timestamp().isAfter(Instant.ofEpochMilli(watermark).minusMillis(allowedLatenessMillis));
        if (isLate) {
            late.inc();
            ctx.output(LATE, event);
        } else {
            out.collect(event);
        }
    }

    /** Events sent to the late output (tests). */
    long lateCount() {
        return late.getCount();
    }
}
