package org.fenghuo.correlation.job;

import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.fenghuo.events.Alert;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.Incident;
import org.fenghuo.events.SecurityEvent;

/**
 * Where the job's results go: the production wiring gives Elasticsearch and Kafka sinks, tests
 * give collecting ones. Every sink receives personal data already protected.
 *
 * @param events      every event (late ones too)
 * @param deadLetters records that are not events, and events that could not be used (with the reason)
 * @param late        events behind the watermark by more than the allowed lateness, again (the record of lateness)
 * @param alerts      every alert (detection, anomaly, correlation), each sink gets all of them
 * @param incidents   every version of every incident, keyed by incident id before the sinks
 */
public record JobSinks(Sink<SecurityEvent> events, Sink<DeadLetter> deadLetters, Sink<SecurityEvent> late,
        List<Sink<Alert>> alerts, List<Sink<Incident>> incidents) {
    public JobSinks {
        Objects.requireNonNull(events, "events sink");
        Objects.requireNonNull(deadLetters, "dead-letter sink");
        Objects.requireNonNull(late, "late-events sink");
        alerts = List.copyOf(alerts);
        incidents = List.copyOf(incidents);
    }

    /** Events and dead letters only (the walking skeleton's shape): no record of lateness, no alerts. */
    public static JobSinks eventsOnly(Sink<SecurityEvent> events, Sink<DeadLetter> deadLetters) {
        return new JobSinks(events, deadLetters, new DiscardingSink<>(), List.of(), List.of());
    }
}
