package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/** Alerts for the incident tests, with only what grouping, suppression and scoring read. */
final class TestAlerts {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private TestAlerts() {
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Alert alert(String id, String ruleId, Instant t, Entities entities) {
        return alert(id, ruleId, t, Severity.MEDIUM, IncidentCategory.NETWORK_ATTACK, entities, List.of());
    }

    static Alert alert(String id, String ruleId, Instant t, Severity severity, IncidentCategory category,
            Entities entities, List<AttackTactic> tactics) {
        return new Alert(id, t, ruleId, "Rule " + ruleId, null, severity, severity.riskScore(), category,
                List.of("evt-" + id), entities, tactics, List.of(), "test alert " + id);
    }

    static Entities from(String sourceIp) {
        return Entities.of(sourceIp, null, null, null);
    }

    static Entities from(String sourceIp, String destinationIp) {
        return Entities.of(sourceIp, destinationIp, null, null);
    }
}
