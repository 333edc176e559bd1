package org.fenghuo.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Correlated alerts that together are one security incident, with its national classification
 * (GB/T 20986 category and warning level) for reporting. Stored in {@code fenghuo-incidents}.
 * Lists are never null.
 *
 * @param id           {@code event.id}: unique, deterministic, the document id
 * @param created      {@code @timestamp}: event time of the first alert
 * @param updated      {@code fenghuo.incident.updated}: when it last changed (a new alert, a status change)
 * @param title        {@code fenghuo.incident.title}: one line for the analyst
 * @param status       {@code fenghuo.incident.status}
 * @param severity     {@code fenghuo.severity}: the highest of its alerts' unless an analyst set it
 * @param riskScore    {@code event.risk_score}: 0-100
 * @param alertIds     {@code fenghuo.incident.alert_ids}: ids of the alerts it groups
 * @param entities     {@code source.ip}, {@code destination.ip}, {@code user.name}, {@code host.name}
 * @param tactics      {@code threat.tactic.*}: union of its alerts' tactics, kill-chain order
 * @param techniques   {@code threat.technique.*}: union of its alerts' techniques
 * @param category     {@code fenghuo.incident.category}: GB/T 20986-2023 category; null until classified
 * @param warningLevel {@code fenghuo.incident.warning_level}: red/orange/yellow/blue; null when no warning is due
 */
public record Incident(
        String id,
        Instant created,
        Instant updated,
        String title,
        IncidentStatus status,
        Severity severity,
        int riskScore,
        List<String> alertIds,
        Entities entities,
        List<AttackTactic> tactics,
        List<AttackTechnique> techniques,
        IncidentCategory category,
        WarningLevel warningLevel) {

    /** @throws NullPointerException naming the field when id, created, status or severity is missing */
    public Incident {
        Objects.requireNonNull(id, "event.id");
        Objects.requireNonNull(created, "@timestamp");
        Objects.requireNonNull(status, "fenghuo.incident.status");
        Objects.requireNonNull(severity, "fenghuo.severity");
        if (riskScore < 0 || riskScore > 100) {
            throw new IllegalArgumentException("event.risk_score must be 0-100, got " + riskScore);
        }
        updated = updated == null ? created : updated;
        alertIds = alertIds == null ? List.of() : List.copyOf(alertIds);
        entities = entities == null ? Entities.NONE : entities;
        tactics = tactics == null ? List.of() : List.copyOf(tactics);
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
    }
}
