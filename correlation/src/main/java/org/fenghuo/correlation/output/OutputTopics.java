package org.fenghuo.correlation.output;

/**
 * The Kafka topics the job writes its verdicts to, beside {@code job.KafkaTopics} (its inputs).
 * Both are keyed by the alert's or incident's id: make {@link #INCIDENTS} a compacted topic and it
 * keeps the latest version of every incident.
 */
public final class OutputTopics {
    /** Alerts for the playbooks and the console's live feed; value {@code AlertJson}. */
    public static final String ALERTS = "fenghuo.alerts";
    /** Every new version of an incident; value {@code IncidentJson}. */
    public static final String INCIDENTS = "fenghuo.incidents";

    private OutputTopics() {
    }
}
