package org.fenghuo.correlation.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.detect.AnomalySettings;
import org.fenghuo.correlation.detect.DetectionSettings;
import org.fenghuo.correlation.detect.DetectorSet;
import org.fenghuo.correlation.detect.EventTimeSettings;
import org.fenghuo.correlation.incident.IncidentConfig;
import org.fenghuo.correlation.pack.PackSettings;
import org.fenghuo.correlation.settings.SettingsCheck;

/**
 * What the job judges events with: the event-time guard, detection (Sigma, IOC), the anomaly
 * detectors, the correlation pack, and the correlation operator's parallelism. The defaults run
 * every anomaly detector and the built-in correlation pack with no Sigma rules or indicator feeds.
 *
 * @param enabled                false: the job only stores events (the walking skeleton)
 * @param eventTime              future-timestamp skew and allowed lateness
 * @param detection              Sigma rules, pipelines, indicator feeds
 * @param anomaly                keyed state TTL
 * @param detectors              which anomaly detectors run
 * @param pack                   settings of the built-in correlation pack (engineering hosts, critical assets, windows)
 * @param incidents              incident settings and asset inventory (their text)
 * @param correlationParallelism subtasks of the Esper operator; 1 keeps correlations across entities exact
 *                               (correlate/ README: hits are partitioned by their primary entity)
 * @param rulesTopic             Kafka topic of rule-reload control records; null: no reloads without a restart
 */
public record CorrelationSettings(boolean enabled, EventTimeSettings eventTime, DetectionSettings detection,
        AnomalySettings anomaly, DetectorSet detectors, PackSettings pack, IncidentConfig incidents, int correlationParallelism,
        String rulesTopic) implements Serializable {

    public static CorrelationSettings defaults() {
        return new CorrelationSettings(true, EventTimeSettings.defaults(), DetectionSettings.defaults(),
                AnomalySettings.defaults(), DetectorSet.defaults(), PackSettings.defaults(), IncidentConfig.defaults(), 1, null);
    }

    /** Stores events only: no detection, correlation or incidents. */
    public static CorrelationSettings disabled() {
        return new CorrelationSettings(false, EventTimeSettings.defaults(), DetectionSettings.defaults(),
                AnomalySettings.defaults(), DetectorSet.defaults(), PackSettings.defaults(), IncidentConfig.defaults(), 1, null);
    }

    public CorrelationSettings withDetection(DetectionSettings value) {
        return new CorrelationSettings(enabled, eventTime, value, anomaly, detectors, pack, incidents, correlationParallelism, rulesTopic);
    }

    public CorrelationSettings withEventTime(EventTimeSettings value) {
        return new CorrelationSettings(enabled, value, detection, anomaly, detectors, pack, incidents, correlationParallelism, rulesTopic);
    }

    public CorrelationSettings withPack(PackSettings value) {
        return new CorrelationSettings(enabled, eventTime, detection, anomaly, detectors, value, incidents, correlationParallelism, rulesTopic);
    }

    public CorrelationSettings withDetectors(DetectorSet value) {
        return new CorrelationSettings(enabled, eventTime, detection, anomaly, value, pack, incidents, correlationParallelism, rulesTopic);
    }

    public CorrelationSettings withCorrelationParallelism(int value) {
        return new CorrelationSettings(enabled, eventTime, detection, anomaly, detectors, pack, incidents, value, rulesTopic);
    }

    public CorrelationSettings withRulesTopic(String value) {
        return new CorrelationSettings(enabled, eventTime, detection, anomaly, detectors, pack, incidents, correlationParallelism, value);
    }

    public CorrelationSettings withIncidents(IncidentConfig value) {
        return new CorrelationSettings(enabled, eventTime, detection, anomaly, detectors, pack, value, correlationParallelism, rulesTopic);
    }

    /** Every problem at once, each naming its key. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        problems.addAll(eventTime.problems());
        problems.addAll(detection.problems());
        problems.addAll(anomaly.problems());
        if (correlationParallelism < 1) {
            problems.add("correlation.parallelism must be at least 1, got " + correlationParallelism);
        }
        if (rulesTopic != null && rulesTopic.isBlank()) {
            problems.add("detection.rules-topic must name a Kafka topic or be left out, got a blank value");
        }
        return problems;
    }

    public CorrelationSettings validated() {
        SettingsCheck.throwIfAny("correlation settings", problems());
        return this;
    }
}
