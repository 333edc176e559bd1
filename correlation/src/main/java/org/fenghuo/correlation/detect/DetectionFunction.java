package org.fenghuo.correlation.detect;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
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

    private transient DetectionRules rules;
    /** The newest version this subtask tried (accepted or refused), so a refused one is not retried per event. */
    private transient long attempted;
    private transient Counter evaluated;
    private transient Counter untimed;
    private transient Counter sigmaMatches;
    private transient Counter iocMatches;
    private transient Counter ruleHits;
    private transient Counter reloadFailures;

    public DetectionFunction(DetectionSettings initial) {
        this.initial = initial;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        evaluated = metrics.counter("eventsEvaluated");
        untimed = metrics.counter("eventsUntimed");
        sigmaMatches = metrics.counter("sigmaMatches");
        iocMatches = metrics.counter("iocMatches");
        ruleHits = metrics.counter("sigmaRuleHits");
        reloadFailures = metrics.counter("ruleSetReloadFailures");
        metrics.gauge("ruleSetVersion", () -> rules == null ? -1L : rules.version());
        attempted = 0;
        DetectionRules.Load load = DetectionRules.load(initial, 0);
        if (load.ok()) {
            rules = load.rules();
            LOG.info("detection rule set {}", rules.summary());
        } else {
            // the job graph was checked when built: files changed since. Run nothing until an update loads,
            // rather than fail the job over and over
            reloadFailures.inc();
            LOG.error("{}; detecting nothing until a rule set loads", load.refusal());
        }
    }

    @Override
    public void processElement(SecurityEvent event, ReadOnlyContext ctx, Collector<Alert> out) throws Exception {
        catchUp(ctx.getBroadcastState(UPDATES));
        if (event.timestamp() == null) {
            // the event-time guard dead-letters these upstream; an alert needs a time
            untimed.inc();
            return;
        }
        evaluated.inc();
        if (rules == null) {
            return;
        }
        DetectionRules.Evaluation e = rules.evaluate(event, out::collect, hit -> {
            ruleHits.inc();
            ctx.output(RULE_HITS, hit);
        });
        sigmaMatches.inc(e.sigmaMatches());
        iocMatches.inc(e.iocAlerts());
    }

    @Override
    public void processBroadcastElement(DetectionUpdate update, Context ctx, Collector<Alert> out) throws Exception {
        BroadcastState<String, DetectionUpdate> state = ctx.getBroadcastState(UPDATES);
        DetectionUpdate current = state.get(CURRENT);
        long running = Math.max(current == null ? 0 : current.version(), rules == null ? 0 : rules.version());
        if (update.version() <= running) {
            LOG.info("detection update version {} ignored: version {} is running", update.version(), running);
            return;
        }
        if (tryLoad(update)) {
            state.put(CURRENT, update);
        }
    }

    /** After a restore (or a refused load on this subtask only), loads the update the job accepted. */
    private void catchUp(ReadOnlyBroadcastState<String, DetectionUpdate> state) throws Exception {
        DetectionUpdate current = state.get(CURRENT);
        if (current != null && current.version() > attempted && (rules == null || current.version() > rules.version())) {
            tryLoad(current);
        }
    }

    private boolean tryLoad(DetectionUpdate update) {
        attempted = update.version();
        DetectionSettings source = update.settings() == null ? initial : update.settings();
        DetectionRules.Load load = DetectionRules.load(source, update.version());
        if (!load.ok()) {
            reloadFailures.inc();
            LOG.warn("{}; keeping version {}", load.refusal(), rules == null ? "none" : rules.version());
            return false;
        }
        rules = load.rules();
        LOG.info("detection rule set {}", rules.summary());
        return true;
    }

    /** Rule sets refused on this subtask (tests). */
    long reloadFailures() {
        return reloadFailures.getCount();
    }

    /** The running set (tests, diagnosis); null when none loaded. */
    DetectionRules rules() {
        return rules;
    }
}
