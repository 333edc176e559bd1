package org.fenghuo.correlation.engine.esper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.correlation.CorrelationType;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/**
 * The alert of a Sigma correlation match, built as detection's engine builds it (its builder is
 * package-private there): same rule info, evidence, message and so the same alert id for the same
 * hits. The conformance test holds the two together.
 */
final class SigmaAlerts {
    private final SigmaCorrelation rule;
    private final RuleInfo info;

    SigmaAlerts(SigmaCorrelation rule) {
        this.rule = rule;
        this.info = ruleInfo(rule);
    }

    /** Severity from {@code level} (medium when absent), category and ATT&CK from {@code tags}. */
    static RuleInfo ruleInfo(SigmaCorrelation c) {
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
        IncidentCategory category = attack ? IncidentCategory.NETWORK_ATTACK : IncidentCategory.ABNORMAL_BEHAVIOUR;
        return new RuleInfo(c.ruleId(), c.title(), c.version(), severity, category, tactics, techniques);
    }

    /** The alert at {@code millis} for group {@code key} over the window's events (oldest first). */
    Alert alert(String key, long millis, double measure, List<SecurityEvent> window) {
        List<String> ids = new ArrayList<>();
        Entities entities = Entities.NONE;
        int n = 0;
        for (SecurityEvent e : window) {
            if (n++ == Alerts.MAX_EVIDENCE) {
                break;
            }
            entities = entities.merge(Entities.of(e));
            if (e.event() != null && e.event().id() != null) {
                ids.add(e.event().id());
            }
        }
        return Alerts.of(info, Instant.ofEpochMilli(millis), ids, entities, message(key, measure, window.size()));
    }

    private String message(String key, double measure, int hits) {
        StringBuilder m = new StringBuilder(rule.title()).append(": ").append(rule.type().sigmaName()).append(' ');
        if (rule.type() == CorrelationType.TEMPORAL_ORDERED) {
            m.append(String.join(" -> ", rule.rules()));
        } else {
            m.append(number(measure)).append(' ').append(rule.condition().describe());
        }
        m.append(" within ").append(rule.timespan().toString().substring(2).toLowerCase(Locale.ROOT))
                .append(" (").append(hits).append(hits == 1 ? " hit)" : " hits)");
        if (!rule.groupBy().isEmpty()) {
            List<String> values = Arrays.asList(key.split(String.valueOf(HitEvent.KEY_SEPARATOR), -1));
            m.append(" for");
            for (int i = 0; i < values.size(); i++) {
                m.append(' ').append(rule.groupBy().get(i)).append('=').append(values.get(i));
            }
        }
        return m.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
