package org.fenghuo.correlation.detect;

import java.util.function.Consumer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set one detection subtask runs, and its metrics: what {@link DetectionFunction} (with a
 * control input) and {@link FixedDetectionFunction} (without) share. Opening loads the initial set; a
 * set that does not load is counted ({@code ruleSetReloadFailures}) and the previous one keeps running,
 * or nothing when there is none, rather than failing the job over and over.
 */
final class DetectionRun {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionRun.class);

    private final DetectionSettings initial;
    private final Counter evaluated;
    private final Counter untimed;
    private final Counter sigmaMatches;
    private final Counter iocMatches;
    private final Counter ruleHits;
    private final Counter reloadFailures;
    private DetectionRules rules;
    /** The newest version tried (accepted or refused), so a refused one is not retried per event. */
    private long attempted;

    DetectionRun(DetectionSettings initial, MetricGroup metrics) {
        this.initial = initial;
        evaluated = metrics.counter("eventsEvaluated");
        untimed = metrics.counter("eventsUntimed");
        sigmaMatches = metrics.counter("sigmaMatches");
        iocMatches = metrics.counter("iocMatches");
        ruleHits = metrics.counter("sigmaRuleHits");
        reloadFailures = metrics.counter("ruleSetReloadFailures");
        metrics.gauge("ruleSetVersion", () -> rules == null ? -1L : rules.version());
        DetectionRules.Load load = DetectionRules.load(initial, 0);
        if (load.ok()) {
            rules = load.rules();
            LOG.info("detection rule set {}", rules.summary());
        } else {
            // the job graph was checked when built: files changed since
            reloadFailures.inc();
            LOG.error("{}; detecting nothing until a rule set loads", load.refusal());
        }
    }

    void evaluate(SecurityEvent event, Collector<Alert> out, Consumer<RuleHit> hits) {
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
            hits.accept(hit);
        });
        sigmaMatches.inc(e.sigmaMatches());
        iocMatches.inc(e.iocAlerts());
    }

    /** Loads {@code update}'s set (the initial settings when it names none); false, counted, when it does not load. */
    boolean tryLoad(DetectionUpdate update) {
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

    long attempted() {
        return attempted;
    }

    /** The running set; null when none loaded. */
    DetectionRules rules() {
        return rules;
    }

    long reloadFailures() {
        return reloadFailures.getCount();
    }
}
