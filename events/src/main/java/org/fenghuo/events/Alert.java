package org.fenghuo.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A detection's verdict on one or more events: a rule matched. Published on Kafka
 * {@code fenghuo.alerts} and stored in {@code fenghuo-alerts-*}. Lists are never null.
 *
 * @param id          {@code event.id}: unique, deterministic (rule + triggering events), the document id
 * @param timestamp   {@code @timestamp}: event time of the alert (of the last triggering event)
 * @param ruleId      {@code rule.id}: e.g. the Sigma rule's UUID
 * @param ruleName    {@code rule.name}: the rule's title
 * @param ruleVersion {@code rule.version}: the rule's version or modified date; null when unknown
 * @param severity    {@code fenghuo.severity}: low, medium, high, critical
 * @param riskScore   {@code event.risk_score}: 0-100
 * @param category    {@code fenghuo.category}: the GB/T 20986-2023 incident category the alert points to
 * @param eventIds    {@code fenghuo.event_ids}: {@code event.id} of the triggering events
 * @param entities    {@code source.ip}, {@code destination.ip}, {@code user.name}, {@code host.name}
 * @param tactics     {@code threat.tactic.*}
 * @param techniques  {@code threat.technique.*}
 * @param message     {@code message}: one line for the analyst
 */
public record Alert(
        String id,
        Instant timestamp,
        String ruleId,
        String ruleName,
        String ruleVersion,
        Severity severity,
        int riskScore,
        IncidentCategory category,
        List<String> eventIds,
        Entities entities,
        List<AttackTactic> tactics,
        List<AttackTechnique> techniques,
        String message) {

    /** @throws NullPointerException naming the field when id, timestamp, ruleId, severity or category is missing */
    public Alert {
        Objects.requireNonNull(id, "event.id");
        Objects.requireNonNull(timestamp, "@timestamp");
        Objects.requireNonNull(ruleId, "rule.id");
        Objects.requireNonNull(severity, "fenghuo.severity");
        Objects.requireNonNull(category, "fenghuo.category");
        if (riskScore < 0 || riskScore > 100) {
            throw new IllegalArgumentException("event.risk_score must be 0-100, got " + riskScore);
        }
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        entities = entities == null ? Entities.NONE : entities;
        tactics = tactics == null ? List.of() : List.copyOf(tactics);
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
    }
}
