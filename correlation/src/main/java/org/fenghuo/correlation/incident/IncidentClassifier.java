package org.fenghuo.correlation.incident;

import java.util.Collection;
import java.util.List;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.WarningLevel;

/**
 * GB/T 20986-2023 category, level I-IV and warning colour of an incident.
 *
 * <p><b>Category</b>: the category of the most severe alerts; when alerts of that severity point
 * to several categories, the one most of them point to; on a tie, the one seen first. Severity
 * first because the worst thing that happened defines the incident (a scan followed by
 * ransomware is a malicious-program incident, however many scan alerts there were).
 *
 * <p><b>Level</b>: the standard grades by importance of the system, loss and social harm; we
 * approximate them with the risk score and the most critical asset (see
 * {@link ClassificationSettings}; defaults: I = risk >= 90 on critical infrastructure,
 * II = risk >= 70 on criticality >= 4, III = risk >= 50, IV otherwise; reaching the Impact
 * tactic on critical infrastructure with risk >= 60 is at least II). Warning colour follows the
 * level: I RED, II ORANGE, III YELLOW, IV BLUE.
 */
public final class IncidentClassifier {
    private final ClassificationSettings settings;
    private final int unknownCriticality;

    /** @param unknownCriticality criticality assumed when no asset is known (the scoring setting) */
    public IncidentClassifier(ClassificationSettings settings, int unknownCriticality) {
        this.settings = settings;
        this.unknownCriticality = unknownCriticality;
    }

    public Classification classify(List<CategoryCount> categories, int risk, AssetImpact impact,
            Collection<AttackTactic> tactics) {
        int level = level(risk, impact, tactics);
        return new Classification(category(categories), level, WarningLevel.fromLevelNumber(level));
    }

    /** 1-4 for I-IV. */
    public int level(int risk, AssetImpact impact, Collection<AttackTactic> tactics) {
        int level = settings.levelI().met(risk, impact, unknownCriticality) ? 1
                : settings.levelII().met(risk, impact, unknownCriticality) ? 2
                : settings.levelIII().met(risk, impact, unknownCriticality) ? 3 : 4;
        boolean ciImpact = impact != null && impact.criticalInfrastructure() && tactics != null
                && tactics.contains(AttackTactic.IMPACT) && risk >= settings.ciImpactMinRisk();
        return ciImpact ? Math.min(level, settings.ciImpactLevel()) : level;
    }

    /** See the class comment; OTHER when there is nothing to go by. */
    public static IncidentCategory category(List<CategoryCount> counts) {
        CategoryCount best = null;
        for (CategoryCount c : counts) {
            if (best == null || c.severity().compareTo(best.severity()) > 0
                    || c.severity() == best.severity() && c.count() > best.count()) {
                best = c;
            }
        }
        return best == null ? IncidentCategory.OTHER : best.category();
    }
}
