package org.fenghuo.correlation.incident;

/**
 * A risk score with its parts, so an analyst (and a test) can see where the points come from.
 *
 * @param value       0-100, {@code event.risk_score}
 * @param severity    severity part, 0-1
 * @param criticality asset criticality part, 0-1
 * @param progression ATT&CK tactic progression part, 0-1
 */
public record RiskScore(int value, double severity, double criticality, double progression) {
}
