package org.fenghuo.correlation.correlate;

import java.io.Serializable;
import java.util.function.Consumer;
import org.fenghuo.correlation.engine.AlertCorrelator;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.events.Alert;

/**
 * Builds the correlator of one subtask on the task manager. The operator knows only
 * {@link AlertCorrelator}, so an engine without Esper (Flink CEP, for a deployment that cannot take
 * GPL code) is a factory away. Travels in the job graph: keep implementations free of state.
 */
@FunctionalInterface
public interface CorrelatorFactory extends Serializable {

    /** Esper (the {@code engine.esper} runtime, one per subtask). */
    CorrelatorFactory ESPER = (rules, sink) -> new EsperAlertCorrelator(rules.correlations(), rules.epl(), sink);

    /**
     * A fresh correlator running {@code rules}, publishing to {@code sink}. Rules it refuses are its
     * {@link AlertCorrelator#rejected()}; it must not throw for a bad rule.
     */
    AlertCorrelator create(CorrelationRules.Loaded rules, Consumer<Alert> sink);
}
