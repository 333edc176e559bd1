package org.fenghuo.correlation.incident;

import org.fenghuo.events.Asset;

/**
 * The most important asset an incident touches, as far as scoring and classification care.
 *
 * @param assetId                the asset's id ({@code learned:<ip>} for a learned one), null when none is known
 * @param criticality            its criticality, 1-5
 * @param criticalInfrastructure true when it is critical information infrastructure (关键信息基础设施)
 */
public record AssetImpact(String assetId, int criticality, boolean criticalInfrastructure) {

    /** No known asset: the score uses the configured criticality for unknown assets. */
    public static AssetImpact unknown(int criticality) {
        return new AssetImpact(null, criticality, false);
    }

    public static AssetImpact of(Asset a) {
        return new AssetImpact(a.id(), a.criticality(), a.criticalInfrastructure());
    }

    /** Criticality as scoring counts it: critical infrastructure counts as 5 whatever its declared value. */
    public int effectiveCriticality() {
        return criticalInfrastructure ? 5 : criticality;
    }

    /** The more important of the two (higher effective criticality; on a tie, critical infrastructure, then this). */
    public AssetImpact max(AssetImpact other) {
        if (other == null) {
            return this;
        }
        int c = Integer.compare(other.effectiveCriticality(), effectiveCriticality());
        if (c > 0 || c == 0 && other.criticalInfrastructure && !criticalInfrastructure
                || c == 0 && assetId == null && other.assetId != null) {
            return other;
        }
        return this;
    }
}
