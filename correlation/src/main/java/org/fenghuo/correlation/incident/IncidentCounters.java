package org.fenghuo.correlation.incident;

/**
 * What an {@link IncidentBuilder} did, for metrics ({@code fenghuo_incident_alerts_total{decision=...}},
 * {@code fenghuo_incidents_opened_total}, {@code fenghuo_incidents_closed_total}).
 *
 * @param accepted   alerts that joined or opened an incident
 * @param duplicates alerts found to repeat an accepted one (dedup window, or the same alert id again)
 * @param suppressed alerts muted by {@code suppress_for} or {@code suppress_entities}
 * @param opened     incidents opened
 * @param closed     incidents closed (join window passed)
 */
public record IncidentCounters(long accepted, long duplicates, long suppressed, long opened, long closed) {
    public static final IncidentCounters ZERO = new IncidentCounters(0, 0, 0, 0, 0);
}
