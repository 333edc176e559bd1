package org.fenghuo.correlation.incident;

import java.util.Collection;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.Severity;

/**
 * The incident risk score, 0-100:
 *
 * <pre>
 *   score       = round(W_sev * S + W_crit * C + W_prog * P)          (defaults 40, 30, 30; sum 100)
 *   S           = (rank of the highest alert severity) / 4             low .25, medium .5, high .75, critical 1
 *   C           = (criticality of the most critical asset) / 5         critical infrastructure counts as 5;
 *                                                                      no known asset: unknown_criticality (2)
 *   P           = (reach + breadth) / 2, 0 without tactics
 *   reach       = (kill-chain position of the furthest tactic) / 14    reconnaissance 1/14 ... impact 14/14
 *   breadth     = min(distinct tactics, cap) / cap                     cap = tactic_breadth_cap (5)
 * </pre>
 *
 * Kill-chain position is {@link AttackTactic}'s order (ATT&CK's matrix order). Reach rewards how
 * far the attack got, breadth how many stages it showed on the way: a lone impact alert scores
 * below reconnaissance, initial access, lateral movement and impact together. The order in which
 * the tactics were observed is not used: detections of early stages often arrive late.
 *
 * <p>Worked examples with the defaults: high alert, asset of criticality 3, credential access:
 * 40*.75 + 30*.6 + 30*((8/14 + 1/5)/2) = 30 + 18 + 11.57 = 59.57, score 60. Critical alert on
 * critical infrastructure, reconnaissance + initial access + lateral movement + impact:
 * 40 + 30 + 30*((14/14 + 4/5)/2) = 97. Low alert, no known asset, no tactics: 10 + 12 + 0 = 22.
 */
public final class RiskScorer {
    private static final int TACTICS = AttackTactic.values().length;

    private final ScoringSettings settings;

    public RiskScorer(ScoringSettings settings) {
        this.settings = settings;
    }

    /**
     * @param severity the highest severity of the incident's alerts
     * @param impact   the most critical asset among its entities; null when none is known
     * @param tactics  its distinct tactics (any order; duplicates ignored)
     */
    public RiskScore score(Severity severity, AssetImpact impact, Collection<AttackTactic> tactics) {
        double s = (severity.ordinal() + 1) / 4.0;
        int criticality = impact == null ? settings.unknownCriticality() : impact.effectiveCriticality();
        double c = criticality / 5.0;
        double p = progression(tactics);
        double raw = settings.severityWeight() * s + settings.criticalityWeight() * c + settings.progressionWeight() * p;
        int value = (int) Math.max(0, Math.min(100, Math.round(raw)));
        return new RiskScore(value, s, c, p);
    }

    /** P of the formula: (reach + breadth) / 2. */
    double progression(Collection<AttackTactic> tactics) {
        if (tactics == null || tactics.isEmpty()) {
            return 0;
        }
        int furthest = -1;
        long distinct = tactics.stream().distinct().count();
        for (AttackTactic t : tactics) {
            furthest = Math.max(furthest, t.ordinal());
        }
        double reach = (furthest + 1) / (double) TACTICS;
        double breadth = Math.min(distinct, settings.tacticBreadthCap()) / (double) settings.tacticBreadthCap();
        return (reach + breadth) / 2;
    }
}
