package org.fenghuo.correlation.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.util.InstantiationUtil;
import org.fenghuo.correlation.detect.DetectionUpdate;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;
import org.fenghuo.correlation.engine.AlertCorrelator;
import org.fenghuo.correlation.engine.PendingHits;
import org.fenghuo.correlation.engine.Rejection;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link AlertCorrelator} per subtask over a stream of rule hits keyed by
 * {@link HitKeys}, in event time: hits wait in a buffer until the watermark passes them, then go
 * to the correlator oldest first, followed by the watermark itself, so the correlator's clock (an
 * Esper runtime's external timer) moves with the watermarks. A hit at or before the current
 * watermark on arrival is late: counted and sent to the late side output.
 *
 * <p>An operator rather than a {@code KeyedProcessFunction}: the correlator belongs to the
 * subtask, not to a key (a correlation's groups need not be the partition key, and one runtime
 * serves every key), its state is one value per subtask, and its clock follows the watermark, not
 * per-key timers. State is union operator state (one {@link SubtaskState} per subtask): on
 * restore each subtask takes the hits of the key groups it now owns, so a changed parallelism
 * restores correctly (see {@link StateSplit}).
 *
 * <p>The runtime is built in {@code open()} from {@link CorrelationRules}, which travels in the job
 * graph; restored hits are {@linkplain AlertCorrelator#replay replayed} into it without publishing,
 * so a correlation spanning a failure fires once, and mutes are restored with them.
 *
 * <p>With a {@link CorrelationReload} it is also a two-input operator whose second input is the
 * broadcast rule-control stream: a newer {@link DetectionUpdate} builds a correlator with the
 * update's Sigma correlations (and the same EPL rules), replays the running one's pending hits into
 * it, so windows in progress carry on for the rules that remain, and replaces it. A set detection
 * refuses ({@link CorrelationReload#plan}) is refused here too: the running rules carry on (counted,
 * logged). The update in force is kept in union state, so a restore runs the rules that ran before
 * the failure (the job's own when that set no longer loads, as detection does). Event time is the
 * hits' alone: the control input's watermarks and idleness are ignored.
 */
public final class CorrelationOperator extends AbstractStreamOperator<Alert>
        implements OneInputStreamOperator<RuleHit, Alert>, TwoInputStreamOperator<RuleHit, DetectionUpdate, Alert> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CorrelationOperator.class);

    private static final ListStateDescriptor<SubtaskState> STATE =
            new ListStateDescriptor<>("correlation-state", SubtaskStateSerializer.INSTANCE);

    /** The rule-control update in force, Java-serialised (a small record naming files), in every subtask's entry. */
    private static final ListStateDescriptor<byte[]> RULES_STATE = new ListStateDescriptor<>("correlation-rules-update",
            org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    /** pendingHits() walks every window: the gauge is refreshed on watermarks at most this often. */
    private static final long PENDING_REFRESH_NANOS = 1_000_000_000L;

    /**
     * The clock at the end of the input (Flink's final watermark is {@code Long.MAX_VALUE}, at which
     * Esper's scheduler decides nothing): the last millisecond of year 9999, past every window.
     */
    static final long END_OF_TIME = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    private final CorrelationRules rules;
    private final CorrelatorFactory factory;
    private final KeySelector<RuleHit, String> keys;
    private final OutputTag<RuleHit> lateTag;
    private final CorrelationReload reload;

    private transient AlertCorrelator correlator;
    private transient HitBuffer buffer;
    private transient ListState<SubtaskState> state;
    private transient StateSplit restored;
    private final long latenessMillis;
    private transient long watermark;
    private transient KeyGroupRange keyGroups;
    private transient Counter hitsIn;
    private transient Counter hitsLate;
    private transient Counter hitsUntimed;
    private transient Counter alertsOut;
    private transient int rulesRejected;
    private transient ListState<byte[]> rulesState;
    private transient DetectionUpdate active;
    private transient volatile long activeVersion;
    private transient Counter reloads;
    private transient Counter reloadsRefused;
    /** Hits the correlators replaced by reloads dropped, so the gauge keeps counting across swaps. */
    private transient long droppedBefore;
    private transient volatile long pendingCount;
    private transient long pendingRefreshedNanos;
    private transient volatile long droppedCount;
    private transient volatile int bufferedCount;

    /**
     * @param rules   the rules, loaded on the task manager
     * @param factory the engine
     * @param keys    the key selector the input is keyed by (restore splits hits by its key groups)
     * @param lateTag where late and untimed hits go
     */
    public CorrelationOperator(CorrelationRules rules, CorrelatorFactory factory, KeySelector<RuleHit, String> keys,
            OutputTag<RuleHit> lateTag) {
        this(rules, factory, keys, lateTag, java.time.Duration.ZERO);
    }

    /** As above, the correlator's clock {@code allowedLateness} behind the watermark (the job's late split's). */
    public CorrelationOperator(CorrelationRules rules, CorrelatorFactory factory, KeySelector<RuleHit, String> keys,
            OutputTag<RuleHit> lateTag, java.time.Duration allowedLateness) {
        this(rules, factory, keys, lateTag, allowedLateness, null);
    }

    /** As above, following rule-control updates on the second input with {@code reload} (null: rules fixed). */
    public CorrelationOperator(CorrelationRules rules, CorrelatorFactory factory, KeySelector<RuleHit, String> keys,
            OutputTag<RuleHit> lateTag, java.time.Duration allowedLateness, CorrelationReload reload) {
        this.rules = rules;
        this.factory = factory;
        this.keys = keys;
        this.lateTag = lateTag;
        this.latenessMillis = allowedLateness.toMillis();
        this.reload = reload;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        TaskInfo task = getRuntimeContext().getTaskInfo();
        keyGroups = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(task.getMaxNumberOfParallelSubtasks(),
                task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
        state = context.getOperatorStateStore().getUnionListState(STATE);
        rulesState = context.getOperatorStateStore().getUnionListState(RULES_STATE);
        active = null;
        for (byte[] bytes : rulesState.get()) {
            DetectionUpdate u;
            try {
                u = InstantiationUtil.deserializeObject(bytes, getUserCodeClassloader());
            } catch (java.io.IOException | ClassNotFoundException | RuntimeException e) {
                // written by a version whose settings no longer read: the job's own rules rather than a restart loop
                LOG.error("the correlation rule-control update in the checkpoint does not read ({}): ignored", e.toString());
                continue;
            }
            if (active == null || u.version() > active.version()) {
                active = u;
            }
        }
        restored = null;
        if (context.isRestored()) {
            List<SubtaskState> all = new ArrayList<>();
            state.get().forEach(all::add);
            restored = StateSplit.of(all, keyGroups.getStartKeyGroup(), keyGroups.getEndKeyGroup(),
                    task.getMaxNumberOfParallelSubtasks(), this::keyOf);
        }
    }

    private Object keyOf(RuleHit hit) {
        try {
            return keys.getKey(hit);
        } catch (Exception e) {
            throw new IllegalStateException("the correlation key selector failed on a restored hit of rule "
                    + hit.ruleId(), e);
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        MetricGroup metrics = getMetricGroup();
        hitsIn = metrics.counter("hitsIn");
        hitsLate = metrics.counter("hitsLate");
        hitsUntimed = metrics.counter("hitsUntimed");
        alertsOut = metrics.counter("alertsOut");
        metrics.gauge("bufferedHits", () -> bufferedCount);
        metrics.gauge("pendingHits", () -> pendingCount);
        metrics.gauge("hitsDropped", () -> droppedCount);
        metrics.gauge("correlationRulesRejected", () -> rulesRejected);
        reloads = metrics.counter("correlationRuleReloads");
        reloadsRefused = metrics.counter("correlationRuleReloadsRefused");
        metrics.gauge("correlationRulesVersion", () -> activeVersion);

        CorrelationRules.Loaded loaded = startingRules().load();
        correlator = factory.create(loaded, this::emit);
        logLoaded(loaded, correlator, "loaded");

        buffer = new HitBuffer();
        watermark = Long.MIN_VALUE;
        if (restored != null) {
            correlator.replay(restored.pending());
            restored.buffered().forEach(buffer::add);
            watermark = restored.watermark();
            restored = null;
        }
        refreshGauges(true);
    }

    /** The rules of the update restored in force, else those the job was built with. */
    private CorrelationRules startingRules() {
        activeVersion = active == null ? 0 : active.version();
        if (active == null || reload == null) {
            return rules;
        }
        try {
            CorrelationReload.Plan plan = reload.plan(active);
            if (plan.problems().isEmpty()) {
                return plan.rules();
            }
            fallBack(String.join("; ", plan.problems()));
        } catch (RuntimeException e) {
            fallBack(e.toString());
        }
        return rules;
    }

    /** The files of a set that ran before the failure no longer load: run the job's own rules, as detection does. */
    private void fallBack(String reason) {
        LOG.error("correlation rule set version {} does not load again after a restore ({}): running the job's initial rules",
                active.version(), reason);
        active = null;
        activeVersion = 0;
    }

    private void logLoaded(CorrelationRules.Loaded loaded, AlertCorrelator c, String what) {
        List<Rejection> rejected = new ArrayList<>(loaded.rejected());
        rejected.addAll(c.rejected());
        rulesRejected = rejected.size();
        for (Rejection r : rejected) {
            LOG.error("correlation rule refused, the others run: {}", r);
        }
        LOG.info("correlation subtask {}: rule set version {} {}: {} Sigma correlations and {} EPL rules, {} refused",
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), activeVersion, what,
                loaded.correlations().size(), loaded.epl().size(), rulesRejected);
    }

    @Override
    public void processElement1(StreamRecord<RuleHit> element) throws Exception {
        processElement(element);
    }

    /** Event time is the hits' alone; see {@code detect.FirstInputTimeOperator} for why. */
    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        processWatermark(mark);
    }

    @Override
    public void processWatermark2(Watermark mark) {
        // the rule-control input has no event time
    }

    @Override
    protected void processWatermarkStatus(org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus status,
            int inputId) throws Exception {
        if (inputId == 0) {
            output.emitWatermarkStatus(status);
        }
    }

    /** A rule-control update: a newer set replaces the running correlator, carrying its pending hits over. */
    @Override
    public void processElement2(StreamRecord<DetectionUpdate> element) throws Exception {
        DetectionUpdate update = element.getValue();
        if (reload == null || update.version() <= activeVersion) {
            return; // a replayed or older control record cannot roll the rules back
        }
        AlertCorrelator fresh;
        CorrelationRules.Loaded loaded;
        try {
            CorrelationReload.Plan plan = reload.plan(update);
            if (!plan.problems().isEmpty()) {
                refuse(update, String.join("; ", plan.problems()));
                return;
            }
            loaded = plan.rules().load();
            fresh = factory.create(loaded, this::emit);
        } catch (RuntimeException e) {
            refuse(update, e.toString());
            return;
        }
        try {
            fresh.replay(correlator.pendingHits());
        } catch (RuntimeException e) {
            fresh.close();
            refuse(update, "the pending hits did not replay into it: " + e);
            return;
        }
        droppedBefore += correlator.dropped();
        correlator.close();
        correlator = fresh;
        active = update;
        activeVersion = update.version();
        reloads.inc();
        logLoaded(loaded, fresh, "in force");
        refreshGauges(true);
    }

    private void refuse(DetectionUpdate update, String reason) {
        reloadsRefused.inc();
        LOG.error("correlation rule set version {} refused, version {} runs on: {}", update.version(), activeVersion, reason);
    }

    private void emit(Alert alert) {
        alertsOut.inc();
        output.collect(new StreamRecord<>(alert, TimeMillis.of(alert.timestamp())));
    }

    @Override
    public void processElement(StreamRecord<RuleHit> element) throws Exception {
        RuleHit hit = element.getValue();
        hitsIn.inc();
        if (hit.timestamp() == null) {
            if (!element.hasTimestamp()) {
                hitsUntimed.inc();
                output.collect(lateTag, element);
                return;
            }
            // the watermark strategy gave it a time: the correlator needs one on the hit
            hit = new RuleHit(hit.ruleId(), hit.ruleName(), Instant.ofEpochMilli(element.getTimestamp()), hit.event());
        }
        if (TimeMillis.of(hit.timestamp()) <= clock(watermark)) {
            hitsLate.inc();
            output.collect(lateTag, element);
            return;
        }
        buffer.add(hit);
        bufferedCount = buffer.size();
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long t = mark.getTimestamp();
        if (t > watermark) {
            long c = clock(t);
            buffer.drainUpTo(c, correlator::accept);
            correlator.advanceWatermark(Instant.ofEpochMilli(Math.min(c, END_OF_TIME)));
            watermark = t;
            refreshGauges(System.nanoTime() - pendingRefreshedNanos > PENDING_REFRESH_NANOS);
        }
        super.processWatermark(mark);
    }

    /**
     * The correlator's clock for watermark {@code w}: the allowed lateness behind it, as the job's
     * late split judges events (an event it lets through must not become a late hit here). The
     * first and the final watermark stay as they are.
     */
    private long clock(long w) {
        if (w == Long.MIN_VALUE || w == Long.MAX_VALUE) {
            return w;
        }
        return w < Long.MIN_VALUE + latenessMillis ? Long.MIN_VALUE : w - latenessMillis;
    }

    /** Gauges are read by the metric reporter's thread: hand them copies, never the correlator. */
    private void refreshGauges(boolean pending) {
        bufferedCount = buffer.size();
        droppedCount = droppedBefore + correlator.dropped();
        if (pending) {
            pendingCount = correlator.pendingHits().hits().size();
            pendingRefreshedNanos = System.nanoTime();
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        PendingHits pending = correlator.pendingHits();
        pendingCount = pending.hits().size();
        state.update(List.of(new SubtaskState(keyGroups.getStartKeyGroup(), keyGroups.getEndKeyGroup(), watermark,
                buffer.contents(), pending)));
        rulesState.update(active == null ? List.of() : List.of(InstantiationUtil.serializeObject(active)));
    }

    @Override
    public void close() throws Exception {
        try {
            if (correlator != null) {
                correlator.close();
                correlator = null;
            }
        } finally {
            super.close();
        }
    }

    /** The counters, for tests (the harness's metric group does not keep them). */
    record Counts(long hitsIn, long hitsLate, long hitsUntimed, long alertsOut) {
    }

    Counts counts() {
        return new Counts(hitsIn.getCount(), hitsLate.getCount(), hitsUntimed.getCount(), alertsOut.getCount());
    }

    /** The rule-control version in force (0: the job's own rules), for tests. */
    long rulesVersion() {
        return activeVersion;
    }

    long reloadsRefused() {
        return reloadsRefused.getCount();
    }

    int bufferedHits() {
        return buffer.size();
    }

    long droppedHits() {
        return correlator.dropped();
    }

    int rulesRejected() {
        return rulesRejected;
    }
}
