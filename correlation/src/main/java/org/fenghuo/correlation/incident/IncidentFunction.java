package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;

/**
 * {@link IncidentBuilder} in a keyed operator: the stream is keyed by {@link IncidentBuilder#groupKey},
 * each key's open incident and suppression windows live in keyed state, and an event-time timer
 * one millisecond after {@link IncidentBuilder#stateExpires} clears them, so a key that went quiet
 * holds nothing. One builder per subtask, loaded with the key's state for each call.
 *
 * <p>Alerts are taken whatever their time: correlation alerts decided at a window's close carry the
 * time of their last hit, behind the watermark, and still belong in their incident.
 */
public final class IncidentFunction extends KeyedProcessFunction<String, Alert, Incident> {
    private static final long serialVersionUID = 1L;
    private static final IncidentBuilderState EMPTY = new IncidentBuilderState(List.of(), List.of(), null, IncidentCounters.ZERO);

    private final IncidentConfig config;
    private transient IncidentBuilder builder;
    private transient ValueState<byte[]> state;
    private transient Counter accepted;
    private transient Counter duplicates;
    private transient Counter suppressed;
    private transient Counter opened;
    private transient Counter versions;

    public IncidentFunction(IncidentConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        builder = new IncidentBuilder(config.settingsParsed(), config.inventory());
        // the key's state as the builder's own JSON (IncidentStateCodec): no Kryo, and it reads older shapes
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("incident",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        MetricGroup m = getRuntimeContext().getMetricGroup();
        accepted = m.counter("incidentAlertsAccepted");
        duplicates = m.counter("incidentAlertsDuplicate");
        suppressed = m.counter("incidentAlertsSuppressed");
        opened = m.counter("incidentsOpened");
        versions = m.counter("incidentVersionsOut");
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Incident> out) throws Exception {
        String key = ctx.getCurrentKey();
        load();
        IncidentCounters before = builder.counters();
        AlertOutcome outcome = builder.process(alert);
        IncidentCounters after = builder.counters();
        accepted.inc(after.accepted() - before.accepted());
        duplicates.inc(after.duplicates() - before.duplicates());
        suppressed.inc(after.suppressed() - before.suppressed());
        opened.inc(after.opened() - before.opened());
        if (outcome.incident() != null) {
            versions.inc();
            out.collect(outcome.incident());
        }
        save(key, ctx.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Incident> out) throws Exception {
        load();
        builder.advanceWatermark(Instant.ofEpochMilli(timestamp));
        save(ctx.getCurrentKey(), ctx.timerService());
    }

    private void load() throws Exception {
        byte[] s = state.value();
        builder.restore(s == null ? EMPTY : IncidentStateCodec.decodeIncidentState(s));
    }

    /** Stores the key's state, or clears it when nothing is left; one timer at its expiry. */
    private void save(String key, org.apache.flink.streaming.api.TimerService timers) throws Exception {
        IncidentBuilderState s = builder.snapshot(key);
        if (s.open().isEmpty() && s.suppression().isEmpty()) {
            state.clear();
            return;
        }
        state.update(IncidentStateCodec.encode(s));
        Instant expires = builder.stateExpires(key);
        if (expires != null) {
            // registering the same time twice is one timer in Flink
            timers.registerEventTimeTimer(expires.toEpochMilli() + 1);
        }
    }
}
