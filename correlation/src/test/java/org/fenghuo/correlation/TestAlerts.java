package org.fenghuo.correlation;

import java.time.Instant;
import java.util.List;

import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.IncidentStatus;
import org.fenghuo.events.Severity;
import org.fenghuo.events.WarningLevel;

/** Alerts and incidents for tests, every field set, so that JSON and mapping tests see every field. */
public final class TestAlerts {
    private TestAlerts() {
    }

    public static Alert bruteForce(String id, Instant time, String sourceIp) {
        return new Alert(id, time, "rule-ssh-bf", "SSH brute force", "3", Severity.HIGH, 73,
                IncidentCategory.NETWORK_ATTACK, List.of("e1", "e2"),
                new Entities(List.of(sourceIp), List.of("10.0.0.1"), List.of("root"), List.of("gw1")),
                List.of(AttackTactic.CREDENTIAL_ACCESS), List.of(AttackTechnique.of("T1110.001")),
                "12 failed logins from " + sourceIp);
    }

    /** An incident as the incident builder updates it: same id and creation time, more alerts each version. */
    public static Incident incident(String id, Instant created, Instant updated, List<String> alertIds, String sourceIp,
                                    WarningLevel warning) {
        return new Incident(id, created, updated, "Brute force then login from " + sourceIp,
                IncidentStatus.OPEN, Severity.CRITICAL, 88, alertIds,
                new Entities(List.of(sourceIp), List.of("10.0.0.1"), List.of("root"), List.of("gw1")),
                List.of(AttackTactic.CREDENTIAL_ACCESS, AttackTactic.LATERAL_MOVEMENT),
                List.of(AttackTechnique.of("T1110.001")), IncidentCategory.NETWORK_ATTACK, warning);
    }
}
