package org.fenghuo.correlation.correlate;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.fenghuo.correlation.detect.DetectionUpdate;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import org.fenghuo.correlation.types.AlertTypeInfo;
import org.fenghuo.correlation.types.RuleHitTypeInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;

/**
 * Wires the correlation operator into a job: hits keyed by {@link HitKeys}, then
 * {@link CorrelationOperator}; alerts out, late (and untimed) hits on {@link #LATE_HITS}.
 *
 * <pre>{@code
 * SingleOutputStreamOperator<Alert> alerts = CorrelationOperators.correlate(hits, rules, parallelism);
 * DataStream<RuleHit> late = alerts.getSideOutput(CorrelationOperators.LATE_HITS);
 * }</pre>
 */
public final class CorrelationOperators {
    /** The operator's uid: keep it, or a savepoint's correlation state is not restored. */
    public static final String UID = "correlate-alerts";

    /** Hits at or before the watermark on arrival, and hits without any time. */
    public static final OutputTag<RuleHit> LATE_HITS =
            new OutputTag<>("correlation-late-hits", RuleHitTypeInfo.INSTANCE);

    private CorrelationOperators() {
    }

    /** {@link #correlate(DataStream, CorrelationRules, int, CorrelatorFactory)} on Esper. */
    public static SingleOutputStreamOperator<Alert> correlate(DataStream<RuleHit> hits, CorrelationRules rules,
            int parallelism) {
        return correlate(hits, rules, parallelism, CorrelatorFactory.ESPER);
    }

    /**
     * Correlated alerts of {@code hits} (which must carry event-time watermarks), with
     * {@code parallelism} correlators; uid {@link #UID}, late hits on {@link #LATE_HITS}.
     */
    public static SingleOutputStreamOperator<Alert> correlate(DataStream<RuleHit> hits, CorrelationRules rules,
            int parallelism, CorrelatorFactory factory) {
        return correlate(hits, rules, parallelism, factory, java.time.Duration.ZERO);
    }

    /**
     * As above, with the correlator's clock {@code allowedLateness} behind the watermark: give the
     * job's allowed lateness, so a hit of an event the late split let through is never late here.
     */
    public static SingleOutputStreamOperator<Alert> correlate(DataStream<RuleHit> hits, CorrelationRules rules,
            int parallelism, CorrelatorFactory factory, java.time.Duration allowedLateness) {
        HitKeys keys = new HitKeys();
        CorrelationOperator operator = new CorrelationOperator(rules, factory, keys, LATE_HITS, allowedLateness);
        return hits.keyBy(keys, Types.STRING)
                .transform("correlate", AlertTypeInfo.INSTANCE, operator)
                .uid(UID)
                .setParallelism(parallelism);
    }

    /**
     * As above, following the rule-control {@code updates} (which must carry watermarks that never
     * hold event time back, e.g. {@code DetectionOperators.atEndOfTime}): each newer update replaces
     * the Sigma correlations with those of its set, by {@code reload}.
     */
    public static SingleOutputStreamOperator<Alert> correlate(DataStream<RuleHit> hits, CorrelationRules rules,
            int parallelism, CorrelatorFactory factory, java.time.Duration allowedLateness,
            DataStream<DetectionUpdate> updates, CorrelationReload reload) {
        HitKeys keys = new HitKeys();
        CorrelationOperator operator = new CorrelationOperator(rules, factory, keys, LATE_HITS, allowedLateness, reload);
        return hits.keyBy(keys, Types.STRING)
                .connect(updates.broadcast())
                .transform("correlate", AlertTypeInfo.INSTANCE, operator)
                .uid(UID)
                .setParallelism(parallelism);
    }
}
