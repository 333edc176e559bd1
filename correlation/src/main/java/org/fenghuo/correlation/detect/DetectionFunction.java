package org.fenghuo.correlation.detect;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fenghuo.correlation.types.RuleHitTypeInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stateless per-event detection: Sigma single-event rules and IOC feeds ({@link DetectionRules})
 * over each event; alerts on the main output, matches of rules that Sigma correlations refer to on
 * {@link #RULE_HITS} for the correlation operator. The rule set is replaced on every subtask by a
 * {@link DetectionUpdate} on the broadcast input; a set that does not load is refused (logged,
 * {@code ruleSetReloadFailures}) and the previous one keeps running.
 *
 * <p>Broadcast state holds the accepted update (where to load from, not the rules), so a restored
 * job reloads the set it was running; a subtask loads it lazily on its first event after restore,
 * since broadcast state cannot be read in {@code open}.
 */
public final class DetectionFunction extends BroadcastProcessFunction<SecurityEvent, DetectionUpdate, Alert> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DetectionFunction.class);

    public static final OutputTag<RuleHit> RULE_HITS = new OutputTag<>("sigma-rule-hits", RuleHitTypeInfo.INSTANCE);

    /** The accepted update under {@link #CURRENT}. */
    public static final MapStateDescriptor<String, DetectionUpdate> UPDATES = new MapStateDescriptor<>(
            "detection-update", Types.STRING, new JavaSerializedTypeInfo<>(DetectionUpdate.class));
    static final String CURRENT = "current";

    private final DetectionSettings initial;

    private transient DetectionRun run;

    public DetectionFunction(DetectionSettings initial) {
        this.initial = initial;
    }

    @Override
    public void open(OpenContext openContext) {
        run = new DetectionRun(initial, getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(SecurityEvent event, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        catchUp(ctx.getBroadcastState(UPDATES));
        run.evaluate(event, out, hit -> ctx.output(RULE_HITS, hit));
    }

    @Override
    public void processBroadcastElement(DetectionUpdate update, Context ctx, Collector<Alert> out) throws Exception {
        BroadcastState<String, DetectionUpdate> state = ctx.getBroadcastState(UPDATES);
        DetectionUpdate current = state.get(CURRENT);
        DetectionRules rules = run.rules();
        long running = Math.max(current == null ? 0 : current.version(), rules == null ? 0 : rules.version());
        if (update.version() <= running) {
            LOG.info("detection update version {} ignored: version {} is running", update.version(), running);
            return;
        }
        if (run.tryLoad(update)) {
            state.put(CURRENT, update);
        }
    }

    /** After a restore (or a refused load on this subtask only), loads the update the job accepted. */
    private void catchUp(ReadOnlyBroadcastState<String, DetectionUpdate> state) throws Exception {
        DetectionUpdate current = state.get(CURRENT);
        DetectionRules rules = run.rules();
        if (current != null && current.version() > run.attempted()
                && (rules == null || current.version() > rules.version())) {
            run.tryLoad(current);
        }
    }

    /** Rule sets refused on this subtask (tests). */
    long reloadFailures() {
        return run.reloadFailures();
    }

    /** The running set (tests, diagnosis); null when none loaded. */
    DetectionRules rules() {
        return run.rules();
    }
}
