package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.fenghuo.correlation.types.AlertTypeInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;

/**
 * {@link IncidentBuilder} in a keyed operator: the stream is keyed by {@link IncidentBuilder#groupKey},
 * each key's open incident and suppression windows live in keyed state, and an event-time timer
 * one millisecond after {@link IncidentBuilder#stateExpires} clears them, so a key that went quiet
 * holds nothing. One builder per subtask, loaded with the key's state for each call.
 *
 * <p>Alerts wait in keyed state until the watermark passes them and are then taken in time order
 * (ties by alert id): alerts of one key come from several operators in an order that differs from
 * run to run, and the incident's id hashes its first alert, so ordering by arrival would give a
 * replay other ids. An alert already behind the watermark on arrival (a correlation decided at its
 * window's close carries the time of its last hit) is taken at once: it still belongs in its incident.
 *
 * <p>The second input is the broadcast stream of {@link LearnedAssetUpdate}s: kept in broadcast
 * state (every subtask receives the same updates in the same order, so every copy is the same) and
 * in a table on the heap that the risk score looks assets up in, the inventory first. An alert is
 * scored with the learned assets as they were at its time ({@link LearnedAssetTable#asOf}); the
 * updates for that time have arrived when the watermark passes it, since the learner sends them
 * ahead of its watermarks.
 */
public final class IncidentFunction extends KeyedBroadcastProcessFunction<String, Alert, LearnedAssetUpdate, Incident> {
    private static final long serialVersionUID = 1L;
    private static final IncidentBuilderState EMPTY = new IncidentBuilderState(List.of(), List.of(), null, IncidentCounters.ZERO);

    /** Address to {@link LearnedAsset} as {@link IncidentStateCodec} JSON: written on updates only, read on restore. */
    public static final MapStateDescriptor<String, byte[]> LEARNED_ASSETS = new MapStateDescriptor<>("learned-assets",
            Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    /**
     * How long a forgotten asset still answers for the times before its end: an alert behind the
     * watermark (a correlation decided at its window's close carries the time of its last hit) is
     * at most a correlation window old, and windows are at most a day.
     */
    static final java.time.Duration FORGOTTEN_KEPT = java.time.Duration.ofDays(1);

    private final IncidentConfig config;
    private transient IncidentBuilder builder;
    private transient LearnedAssetTable learned;
    private transient boolean learnedLoaded;
    private transient ValueState<byte[]> state;
    private transient ListState<Alert> waiting;
    private transient Counter behindWatermark;
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
        learned = new LearnedAssetTable();
        learnedLoaded = false;
        builder = new IncidentBuilder(config.settingsParsed(), AssetLookup.combined(config.inventory(), learned));
        // the key's state as the builder's own JSON (IncidentStateCodec): no Kryo, and it reads older shapes
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("incident",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("incident-waiting", AlertTypeInfo.INSTANCE));
        MetricGroup m = getRuntimeContext().getMetricGroup();
        behindWatermark = m.counter("incidentAlertsBehindWatermark");
        accepted = m.counter("incidentAlertsAccepted");
        duplicates = m.counter("incidentAlertsDuplicate");
        suppressed = m.counter("incidentAlertsSuppressed");
        opened = m.counter("incidentsOpened");
        versions = m.counter("incidentVersionsOut");
    }

    @Override
    public void processElement(Alert alert, ReadOnlyContext ctx, Collector<Incident> out) throws Exception {
        loadLearned(ctx.getBroadcastState(LEARNED_ASSETS));
        long t = alert.timestamp().toEpochMilli();
        if (t > ctx.timerService().currentWatermark()) {
            waiting.add(alert);
            ctx.timerService().registerEventTimeTimer(t);
            return;
        }
        behindWatermark.inc();
        load();
        take(alert, out);
        save(ctx.getCurrentKey(), ctx.timerService());
    }

    @Override
    public void processBroadcastElement(LearnedAssetUpdate update, Context ctx, Collector<Incident> out) throws Exception {
        BroadcastState<String, byte[]> stored = ctx.getBroadcastState(LEARNED_ASSETS);
        loadLearned(stored);
        stored.put(update.ip(), IncidentStateCodec.encode(update.learned()));
        learned.apply(update);
        long w = ctx.currentWatermark();
        if (w > Long.MIN_VALUE && w < Long.MAX_VALUE) {
            // forgotten assets answer for alerts before their end until no such alert can come any more
            for (String ip : learned.prune(Instant.ofEpochMilli(w).minus(FORGOTTEN_KEPT))) {
                stored.remove(ip);
            }
        }
    }

    /** After a restore the table is empty until it is read from the broadcast state, once. */
    private void loadLearned(ReadOnlyBroadcastState<String, byte[]> stored) throws Exception {
        if (learnedLoaded) {
            return;
        }
        learnedLoaded = true;
        for (var e : stored.immutableEntries()) {
            learned.apply(new LearnedAssetUpdate(e.getKey(), IncidentStateCodec.decodeLearnedAsset(e.getValue())));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Incident> out) throws Exception {
        loadLearned(ctx.getBroadcastState(LEARNED_ASSETS));
        load();
        List<Alert> due = new ArrayList<>();
        List<Alert> later = new ArrayList<>();
        for (Alert a : waiting.get()) {
            (a.timestamp().toEpochMilli() <= timestamp ? due : later).add(a);
        }
        if (!due.isEmpty()) {
            due.sort(Comparator.comparing(Alert::timestamp).thenComparing(Alert::id));
            for (Alert a : due) {
                take(a, out);
            }
            waiting.update(later);
        }
        builder.advanceWatermark(Instant.ofEpochMilli(timestamp));
        save(ctx.getCurrentKey(), ctx.timerService());
    }

    private void take(Alert alert, Collector<Incident> out) {
        IncidentCounters before = builder.counters();
        learned.asOf(alert.timestamp());
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
