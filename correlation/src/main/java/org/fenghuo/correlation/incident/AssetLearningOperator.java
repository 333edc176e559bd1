package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs the job's one {@link LearnedAssets} (parallelism 1: a host's clients arrive from every
 * partition, and "many clients" must count them all) and sends every change downstream with the
 * time of the observation that made it, ahead of the watermark that passes it; the incident
 * builders receive the changes broadcast. Watermarks forget hosts not observed for
 * {@code forget_after}, except the final one: the end of the input forgets nothing.
 *
 * <p>An operator rather than a process function: it needs watermarks without keys. Its state is
 * the learned hosts as one value ({@link LearnedAssetsStateFormat}).
 */
public final class AssetLearningOperator extends AbstractStreamOperator<LearnedAssetUpdate>
        implements OneInputStreamOperator<AssetObservation, LearnedAssetUpdate> {
    private static final long serialVersionUID = 1L;

    private static final ListStateDescriptor<byte[]> STATE =
            new ListStateDescriptor<>("learned-assets", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

    private final IncidentConfig config;
    private transient LearnedAssets learned;
    private transient ListState<byte[]> state;
    private transient Counter updatesOut;
    private transient volatile LearnedAssetsCounters counters;
    private transient volatile int hosts;

    public AssetLearningOperator(IncidentConfig config) {
        this.config = config;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        learned = new LearnedAssets(config.settingsParsed().learnedAssets(), config.inventory());
        state = context.getOperatorStateStore().getListState(STATE);
        Iterator<byte[]> stored = state.get().iterator();
        if (context.isRestored() && stored.hasNext()) {
            learned.restore(LearnedAssetsStateFormat.decode(stored.next()));
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        MetricGroup m = getMetricGroup();
        updatesOut = m.counter("learnedAssetUpdates");
        refreshGauges();
        m.gauge("learnedAssetHosts", () -> hosts);
        m.gauge("learnedAssetObservations", () -> counters.flowsObserved());
        m.gauge("learnedAssetInventoryCovered", () -> counters.inventoryCovered());
        m.gauge("learnedAssetEvictions", () -> counters.evictions());
        m.gauge("learnedAssetExpired", () -> counters.expired());
    }

    @Override
    public void processElement(StreamRecord<AssetObservation> element) throws Exception {
        AssetObservation o = element.getValue();
        learned.observe(o);
        emit(learned.drainUpdates(), o.timestamp().toEpochMilli());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (mark.getTimestamp() != Long.MAX_VALUE) {
            learned.advanceWatermark(Instant.ofEpochMilli(mark.getTimestamp()));
            emit(learned.drainUpdates(), mark.getTimestamp());
            refreshGauges();
        }
        super.processWatermark(mark);
    }

    private void emit(List<LearnedAssetUpdate> updates, long timestamp) {
        for (LearnedAssetUpdate u : updates) {
            updatesOut.inc();
            output.collect(new StreamRecord<>(u, timestamp));
        }
    }

    /** Gauges are read by the metric reporter's thread: hand them copies. */
    private void refreshGauges() {
        counters = learned.counters();
        hosts = learned.size();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        state.update(List.of(LearnedAssetsStateFormat.encode(learned.snapshot())));
    }

    /** What it knows, for tests. */
    LearnedAssets learned() {
        return learned;
    }
}
