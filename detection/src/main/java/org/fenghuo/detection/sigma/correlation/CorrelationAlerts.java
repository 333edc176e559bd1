package org.fenghuo.detection.sigma.correlation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/**
 * The alert of one correlation match: what the correlation says about itself, its evidence, one
 * line for the analyst. Public for the correlation job's Esper engine, whose alerts must equal
 * these (same rule info and message, so the same alert id for the same hits).
 */
public final class CorrelationAlerts {
    private final SigmaCorrelation rule;
    private final RuleInfo info;
    private final int maxEvidence;

    CorrelationAlerts(SigmaCorrelation rule, int maxEvidence) {
        this.rule = rule;
        this.info = ruleInfo(rule);
        this.maxEvidence = maxEvidence;
    }

    /** Severity from {@code level} (medium when absent), category and ATT&CK from {@code tags}. */
    public static RuleInfo ruleInfo(SigmaCorrelation c) {
        List<AttackTactic> tactics = new ArrayList<>();
        List<AttackTechnique> techniques = new ArrayList<>();
        boolean attack = false;
        for (String tag : c.tags()) {
            attack |= tag.regionMatches(true, 0, "attack.", 0, "attack.".length());
            AttackTactic t = AttackTactic.fromSigmaTag(tag);
            if (t != null && !tactics.contains(t)) {
                tactics.add(t);
            }
            AttackTechnique q = AttackTechnique.fromSigmaTag(tag);
            if (q != null && !techniques.contains(q)) {
                techniques.add(q);
            }
        }
        Severity severity = c.level() == null ? Severity.MEDIUM : Severity.fromSigmaLevel(c.level());
        return new RuleInfo(c.ruleId(), c.title(), c.version(), severity,
                attack ? IncidentCategory.NETWORK_ATTACK : IncidentCategory.ABNORMAL_BEHAVIOUR, tactics, techniques);
    }

    /** The alert at {@code millis} on the window's hits (the first {@code maxEvidence} as evidence). */
    Alert alert(List<String> groupValues, long millis, double measure, GroupWindow w) {
        List<String> ids = new ArrayList<>();
        Entities entities = Entities.NONE;
        int n = 0;
        for (GroupWindow.Entry e : w.entries()) {
            if (n++ == maxEvidence) {
                break;
            }
            entities = entities.merge(Entities.of(e.event()));
            if (e.event().event() != null && e.event().event().id() != null) {
                ids.add(e.event().event().id());
            }
        }
        return Alerts.of(info, Instant.ofEpochMilli(millis), ids, entities, message(rule, groupValues, measure, w.size()));
    }

    /** The analyst's line: what was measured against which condition, within what, for which group. */
    public static String message(SigmaCorrelation rule, List<String> groupValues, double measure, int hits) {
        StringBuilder m = new StringBuilder(rule.title()).append(": ").append(rule.type().sigmaName()).append(' ');
        if (rule.type() == CorrelationType.TEMPORAL_ORDERED) {
            m.append(String.join(" -> ", rule.rules()));
        } else {
            m.append(CorrelationCondition.number(measure)).append(' ').append(rule.condition().describe());
        }
        m.append(" within ").append(rule.timespan().toString().substring(2).toLowerCase(Locale.ROOT))
                .append(" (").append(hits).append(hits == 1 ? " hit)" : " hits)");
        if (!groupValues.isEmpty()) {
            m.append(" for");
            for (int i = 0; i < groupValues.size(); i++) {
                m.append(' ').append(rule.groupBy().get(i)).append('=').append(groupValues.get(i));
            }
        }
        return m.toString();
    }
}
