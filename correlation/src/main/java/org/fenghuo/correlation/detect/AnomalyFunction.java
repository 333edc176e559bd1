package org.fenghuo.correlation.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.fenghuo.correlation.types.SecurityEventTypeInfo;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fenghuo.detection.anomaly.DetectorContext;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * Hosts every anomaly detector of a {@link DetectorSet} in one keyed operator, keyed by
 * (detector id, detector key): each detector's per-key state in its own {@link ValueState}
 * ({@code anomaly.<detector id>}, written with {@link JavaSerializer}), its timers as Flink
 * event-time timers, {@code clearState()} clearing that state. Behaves as detection's
 * {@code DetectorRunner} does, with Flink's watermark in place of the runner's.
 */
public final class AnomalyFunction
        extends KeyedProcessFunction<Tuple2<String, String>, Tuple3<String, String, SecurityEvent>, Alert> {
    private static final long serialVersionUID = 1L;

    /** State name prefix; the detector id follows. */
    public static final String STATE_PREFIX = "anomaly.";

    private final DetectorSet detectors;
    private final AnomalySettings settings;

    private transient Map<String, Slot<?>> slots;
    private transient Counter alerts;
    private transient Counter stateCleared;
    private transient Counter orphanTimers;
    /** Events waiting for the watermark, by event time. */
    private transient MapState<Long, List<SecurityEvent>> waiting;
    /** The detector's own timers (Flink's timers also wake the waiting events up). */
    private transient MapState<Long, Boolean> due;

    public AnomalyFunction(DetectorSet detectors, AnomalySettings settings) {
        this.detectors = detectors;
        this.settings = settings.validated();
    }

    @Override
    public void open(OpenContext openContext) {
        StateTtlConfig ttl = ttl(settings);
        slots = new HashMap<>();
        for (KeyedDetector<?> d : detectors.create()) {
            if (slots.put(d.id(), slot(d, ttl)) != null) {
                throw new IllegalArgumentException("two anomaly detectors with id " + d.id()
                        + ": ids name the state and must be unique");
            }
        }
        waiting = getRuntimeContext().getMapState(new MapStateDescriptor<>("anomaly-waiting", Types.LONG,
                new ListTypeInfo<>(SecurityEventTypeInfo.INSTANCE)));
        due = getRuntimeContext().getMapState(new MapStateDescriptor<>("anomaly-timers", Types.LONG, Types.BOOLEAN));
        alerts = getRuntimeContext().getMetricGroup().counter("anomalyAlerts");
        stateCleared = getRuntimeContext().getMetricGroup().counter("anomalyStateCleared");
        orphanTimers = getRuntimeContext().getMetricGroup().counter("anomalyOrphanTimers");
    }

    /** Refreshed on every write, never handing out an expired state. */
    static StateTtlConfig ttl(AnomalySettings settings) {
        return StateTtlConfig.newBuilder(settings.stateTtl())
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <S extends Serializable> Slot<S> slot(KeyedDetector<S> detector, StateTtlConfig ttl) {
        Class<S> type = (Class<S>) detector.newState().getClass();
        ValueStateDescriptor<S> descriptor = new ValueStateDescriptor<>(STATE_PREFIX + detector.id(),
                new JavaSerializedTypeInfo(type));
        descriptor.enableTimeToLive(ttl);
        return new Slot<>(detector, getRuntimeContext().getState(descriptor));
    }

    @Override
    public void processElement(Tuple3<String, String, SecurityEvent> input, Context ctx, Collector<Alert> out)
            throws Exception {
        Slot<?> slot = slot(input.f0);
        long t = input.f2.timestamp().toEpochMilli();
        if (t <= ctx.timerService().currentWatermark()) {
            // behind the watermark yet let through by the allowed lateness: judged at once
            slot.onEvent(input.f2, new Calls(input.f1, ctx.timerService(), out));
            return;
        }
        List<SecurityEvent> at = waiting.get(t);
        List<SecurityEvent> updated = at == null ? new ArrayList<>(1) : new ArrayList<>(at);
        updated.add(input.f2);
        waiting.put(t, updated);
        ctx.timerService().registerEventTimeTimer(t);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Tuple2<String, String> key = ctx.getCurrentKey();
        Slot<?> slot = slots.get(key.f0);
        if (slot == null) {
            // a timer restored from a checkpoint of a detector since removed from the configuration:
            // nothing can run it; counted and let go, so removing a detector never makes the job unrestorable
            orphanTimers.inc();
            return;
        }
        drain(slot, new Calls(key.f1, ctx.timerService(), out), ctx.timerService().currentWatermark());
    }

    /**
     * Everything of this key the watermark {@code w} has passed, in event-time order, as
     * {@code DetectorRunner} runs it: each event (ties by {@code event.id}), then the detector's
     * timers up to that event's time, then the timers up to {@code w}. Events of one key reach this
     * operator from several upstream subtasks whose partitions progress at different speeds: fed as
     * they arrive, a detector would see them out of order by far more than the bounded
     * out-of-orderness, and a replay would judge them in another order (other evidence, other alert ids).
     * The first timer the watermark passes does the work and deletes the key's other Flink timers up
     * to {@code w}: each of them would only scan what is still waiting and find nothing due, which
     * made a busy key's cost grow with the square of its events in the out-of-orderness window.
     */
    private void drain(Slot<?> slot, Calls calls, long w) throws Exception {
        List<Long> times = new ArrayList<>();
        for (Long t : waiting.keys()) {
            if (t <= w) {
                times.add(t);
            }
        }
        Collections.sort(times);
        for (long t : times) {
            List<SecurityEvent> at = new ArrayList<>(waiting.get(t));
            waiting.remove(t);
            calls.timers.deleteEventTimeTimer(t);
            at.sort(Comparator.comparing(AnomalyFunction::eventId));
            for (SecurityEvent e : at) {
                slot.onEvent(e, calls);
                fireDue(slot, calls, t);
            }
        }
        fireDue(slot, calls, w);
    }

    /**
     * The detector's timers up to {@code limit}, oldest first, including ones registered meanwhile;
     * their Flink timers go (every waiting event up to the watermark is drained in the same call).
     */
    private void fireDue(Slot<?> slot, Calls calls, long limit) throws Exception {
        while (true) {
            Long next = null;
            for (Long t : due.keys()) {
                if (t <= limit && (next == null || t < next)) {
                    next = t;
                }
            }
            if (next == null) {
                return;
            }
            due.remove(next);
            calls.timers.deleteEventTimeTimer(next);
            slot.onTimer(next, calls);
        }
    }

    private static String eventId(SecurityEvent e) {
        return e.event() == null || e.event().id() == null ? "" : e.event().id();
    }

    private Slot<?> slot(String detectorId) {
        Slot<?> slot = slots.get(detectorId);
        if (slot == null) {
            // the router only sends to configured detectors: the graph changed under the job
            throw new IllegalStateException("no anomaly detector with id " + detectorId + " is configured");
        }
        return slot;
    }

    /** One detector and its state. */
    private final class Slot<S extends Serializable> {
        private final KeyedDetector<S> detector;
        private final ValueState<S> state;

        Slot(KeyedDetector<S> detector, ValueState<S> state) {
            this.detector = detector;
            this.state = state;
        }

        void onEvent(SecurityEvent event, Calls calls) throws IOException {
            S s = current();
            detector.onEvent(event, s, calls);
            store(s, calls);
        }

        void onTimer(long time, Calls calls) throws IOException {
            // as in DetectorRunner and Flink: a timer of a key whose state was cleared fires with fresh state
            S s = current();
            detector.onTimer(time, s, calls);
            store(s, calls);
        }

        private S current() throws IOException {
            S s = state.value();
            return s != null ? s : detector.newState();
        }

        private void store(S s, Calls calls) throws IOException {
            if (calls.clear) {
                stateCleared.inc();
                state.clear();
            } else {
                // the heap backend keeps the object (mutated in place); others serialise it
                state.update(s);
            }
        }
    }

    /** What a detector may do during one call, on Flink's timer service and collector. */
    private final class Calls implements DetectorContext {
        private final String key;
        private final TimerService timers;
        private final Collector<Alert> out;
        private boolean clear;

        Calls(String key, TimerService timers, Collector<Alert> out) {
            this.key = key;
            this.timers = timers;
            this.out = out;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long watermarkMillis() {
            return timers.currentWatermark();
        }

        @Override
        public void registerTimer(long eventTimeMillis) {
            try {
                due.put(eventTimeMillis, Boolean.TRUE);
            } catch (Exception e) {
                throw new IllegalStateException("anomaly timer state", e);
            }
            timers.registerEventTimeTimer(eventTimeMillis);
        }

        @Override
        public void deleteTimer(long eventTimeMillis) {
            try {
                due.remove(eventTimeMillis);
                if (!waiting.contains(eventTimeMillis)) {
                    timers.deleteEventTimeTimer(eventTimeMillis);
                }
            } catch (Exception e) {
                throw new IllegalStateException("anomaly timer state", e);
            }
        }

        @Override
        public void emit(Alert alert) {
            alerts.inc();
            out.collect(alert);
        }

        @Override
        public void clearState() {
            clear = true;
        }
    }
}
