package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;

/** Opening an {@link OpenIncident} with an alert and folding further alerts into it; pure functions. */
final class IncidentMerge {
    private IncidentMerge() {
    }

    static OpenIncident open(Alert a, String groupKey, AssetImpact impact) {
        String rule = a.ruleName() == null || a.ruleName().isBlank() ? a.ruleId() : a.ruleName();
        return new OpenIncident(IncidentIds.of(groupKey, a.id()), groupKey, a.id(), rule, a.timestamp(), a.timestamp(),
                List.of(a.id()), 1, a.severity(), a.entities(), sortedTactics(a.tactics()), a.techniques(),
                List.of(new CategoryCount(a.category(), a.severity(), 1)), impact);
    }

    static OpenIncident join(OpenIncident o, Alert a, AssetImpact impact, int maxAlertIds, int maxEntities) {
        List<String> ids = o.alertIds();
        if (ids.size() < maxAlertIds) {
            ids = new ArrayList<>(ids);
            ids.add(a.id());
        }
        Set<AttackTactic> tactics = EnumSet.noneOf(AttackTactic.class);
        tactics.addAll(o.tactics());
        tactics.addAll(a.tactics());
        Set<AttackTechnique> techniques = new LinkedHashSet<>(o.techniques());
        for (AttackTechnique t : a.techniques()) {
            if (techniques.size() >= maxEntities) {
                break;
            }
            techniques.add(t);
        }
        // created stays the first alert's even when an older alert arrives late: the incident sink
        // picks the daily index by it, and a moved creation time would leave a second document
        Instant updated = a.timestamp().isAfter(o.updated()) ? a.timestamp() : o.updated();
        return new OpenIncident(o.id(), o.groupKey(), o.firstAlertId(), o.firstRuleName(), o.created(), updated, ids,
                o.alertCount() + 1, o.severity().max(a.severity()), merge(o.entities(), a.entities(), maxEntities),
                List.copyOf(tactics), List.copyOf(techniques), count(o.categories(), a),
                impact == null ? o.impact() : impact.max(o.impact()));
    }

    /** "Authentication brute force → lateral movement from 10.1.2.3": first rule, furthest tactic, entity. */
    static String title(OpenIncident o) {
        StringBuilder t = new StringBuilder(o.firstRuleName());
        List<AttackTactic> tactics = o.tactics();
        if (tactics.size() >= 2) {
            t.append(" → ").append(tactics.get(tactics.size() - 1).displayName().toLowerCase(Locale.ROOT));
        }
        int eq = o.groupKey().indexOf('=');
        String field = o.groupKey().substring(0, eq);
        boolean attacker = field.equals("source.ip") || field.equals("user.name");
        if (!field.equals("rule.id")) {
            t.append(attacker ? " from " : " on ").append(o.groupKey().substring(eq + 1));
        }
        return t.toString();
    }

    private static List<AttackTactic> sortedTactics(List<AttackTactic> tactics) {
        Set<AttackTactic> s = EnumSet.noneOf(AttackTactic.class);
        s.addAll(tactics);
        return List.copyOf(s);
    }

    private static List<CategoryCount> count(List<CategoryCount> counts, Alert a) {
        List<CategoryCount> out = new ArrayList<>(counts.size() + 1);
        boolean found = false;
        for (CategoryCount c : counts) {
            if (c.category() == a.category() && c.severity() == a.severity()) {
                out.add(new CategoryCount(c.category(), c.severity(), c.count() + 1));
                found = true;
            } else {
                out.add(c);
            }
        }
        if (!found) {
            out.add(new CategoryCount(a.category(), a.severity(), 1));
        }
        return out;
    }

    static Entities merge(Entities a, Entities b, int max) {
        return new Entities(capped(a.sourceIps(), b.sourceIps(), max), capped(a.destinationIps(), b.destinationIps(), max),
                capped(a.users(), b.users(), max), capped(a.hosts(), b.hosts(), max));
    }

    private static List<String> capped(List<String> a, List<String> b, int max) {
        if (b.isEmpty() || a.size() >= max) {
            return a;
        }
        Set<String> out = new LinkedHashSet<>(a);
        for (String v : b) {
            if (out.size() >= max) {
                break;
            }
            out.add(v);
        }
        return List.copyOf(out);
    }
}
