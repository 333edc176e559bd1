package org.fenghuo.correlation.incident;

/**
 * What an incident needs to reach one GB/T 20986 level: all conditions together.
 *
 * @param minRisk                    risk score at least this
 * @param minCriticality             effective criticality of its most critical asset at least this (critical infrastructure = 5)
 * @param requiresCriticalInfrastructure only when a critical-infrastructure asset is involved
 */
public record LevelThreshold(int minRisk, int minCriticality, boolean requiresCriticalInfrastructure) {

    boolean met(int risk, AssetImpact impact, int unknownCriticality) {
        int criticality = impact == null ? unknownCriticality : impact.effectiveCriticality();
        boolean ci = impact != null && impact.criticalInfrastructure();
        return risk >= minRisk && criticality >= minCriticality && (!requiresCriticalInfrastructure || ci);
    }
}
