package org.fenghuo.detection.sigma.correlation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;

/**
 * One correlation ready to run: field paths resolved per rule (aliases applied), its alert
 * description, and its per-key windows. Keys are kept in order of their latest hit, so the idle
 * ones are at the head: expiry and eviction never scan.
 */
final class CompiledCorrelation {
    private static final char KEY_SEPARATOR = '\u001f';

    final SigmaCorrelation rule;
    final RuleInfo info;
    /** Whether its matches are published as alerts (not only fed to the correlations chained on it). */
    final boolean emits;
    private final long spanMillis;
    /** [rule index][group-by index]. */
    private final EcsFieldPath[][] groupFields;
    /** [rule index][condition field index]. */
    private final EcsFieldPath[][] valueFields;
    private final CorrelationLimits limits;
    private final Counters counters;
    private final LinkedHashMap<String, GroupWindow> windows = new LinkedHashMap<>(16, 0.75f, true);

    CompiledCorrelation(SigmaCorrelation rule, boolean emits, CorrelationLimits limits, Counters counters) {
        this.rule = rule;
        this.emits = emits;
        this.limits = limits;
        this.counters = counters;
        this.spanMillis = rule.timespan().toMillis();
        this.info = ruleInfo(rule);
        int n = rule.rules().size();
        groupFields = new EcsFieldPath[n][];
        valueFields = new EcsFieldPath[n][];
        for (int r = 0; r < n; r++) {
            groupFields[r] = paths(rule.groupBy(), rule.rules().get(r));
            valueFields[r] = paths(rule.condition().fields(), rule.rules().get(r));
        }
    }

    private EcsFieldPath[] paths(List<String> names, String ruleRef) {
        EcsFieldPath[] out = new EcsFieldPath[names.size()];
        for (int i = 0; i < out.length; i++) {
            Map<String, String> alias = rule.aliases().get(names.get(i));
            String field = alias != null && alias.containsKey(ruleRef) ? alias.get(ruleRef) : names.get(i);
            out[i] = EcsFieldPath.of(field);
        }
        return out;
    }

    /** What a correlation's alerts say about it: severity from level, category and ATT&CK from tags. */
    static RuleInfo ruleInfo(SigmaCorrelation c) {
        List<AttackTactic> tactics = new ArrayList<>();
        List<AttackTechnique> techniques = new ArrayList<>();
        boolean attack = false;
        for (String tag : c.tags()) {
            attack |= tag.regionMatches(true, 0, "attack.", 0, 7);
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

    /**
     * One hit of rule {@code ruleIndex} at {@code millis}; returns the match (alert built, window
     * consumed) or null.
     */
    Match onHit(int ruleIndex, long millis, SecurityEvent event) {
        String key = key(groupFields[ruleIndex], event);
        if (key == null) {
            counters.missingGroupBy++;
            return null;
        }
        double number = 0;
        String value = null;
        if (rule.type() == CorrelationType.VALUE_COUNT) {
            value = key(valueFields[ruleIndex], event);
            if (value == null) {
                counters.missingValue++;
                return null;
            }
        } else if (rule.type().isNumeric()) {
            number = number(valueFields[ruleIndex][0].get(event));
            if (Double.isNaN(number)) {
                counters.missingValue++;
                return null;
            }
        }
        GroupWindow w = window(key);
        w.evictBefore(millis - spanMillis);
        if (!w.add(new GroupWindow.Entry(millis, ruleIndex, number, value, event), limits.maxHitsPerKey())) {
            counters.hitEvictions++;
        }
        if (millis <= w.suppressedUntil) {
            counters.suppressed++;
            return null;
        }
        double measure = w.measure(rule.type(), rule.condition().percentile());
        boolean matched = rule.type() == CorrelationType.TEMPORAL_ORDERED
                ? w.orderedChainEndsAtLast(rule.rules().size())
                : rule.condition().test(measure);
        if (!matched) {
            return null;
        }
        Match m = new Match(alert(key, millis, measure, w), event);
        w.clear();
        w.suppressedUntil = millis + spanMillis;
        return m;
    }

    /** A match: the alert and the event that completed it (what a chained correlation reads). */
    record Match(Alert alert, SecurityEvent trigger) {
    }

    private GroupWindow window(String key) {
        GroupWindow w = windows.get(key);
        if (w == null) {
            if (windows.size() >= limits.maxKeysPerCorrelation()) {
                Iterator<GroupWindow> eldest = windows.values().iterator();
                eldest.next();
                eldest.remove();
                counters.keyEvictions++;
            }
            w = new GroupWindow(rule.rules().size());
            windows.put(key, w);
        }
        return w;
    }

    /** Forgets the keys with no hit since {@code nowMillis - timespan} (their suppression is over too). */
    void expire(long nowMillis) {
        Iterator<GroupWindow> it = windows.values().iterator();
        while (it.hasNext()) {
            GroupWindow w = it.next();
            if (w.lastMillis >= nowMillis - spanMillis) {
                return;
            }
            it.remove();
            counters.expiredKeys++;
        }
    }

    int keys() {
        return windows.size();
    }

    private Alert alert(String key, long millis, double measure, GroupWindow w) {
        List<String> ids = new ArrayList<>();
        Entities entities = Entities.NONE;
        int n = 0;
        for (GroupWindow.Entry e : w.entries()) {
            if (n++ == limits.maxEvidence()) {
                break;
            }
            entities = entities.merge(Entities.of(e.event()));
            if (e.event().event() != null && e.event().event().id() != null) {
                ids.add(e.event().event().id());
            }
        }
        return Alerts.of(info, java.time.Instant.ofEpochMilli(millis), ids, entities, message(key, measure, w));
    }

    private String message(String key, double measure, GroupWindow w) {
        StringBuilder m = new StringBuilder(rule.title()).append(": ").append(rule.type().sigmaName()).append(' ');
        if (rule.type() == CorrelationType.TEMPORAL_ORDERED) {
            m.append(String.join(" -> ", rule.rules()));
        } else {
            m.append(CorrelationCondition.number(measure)).append(' ').append(rule.condition().describe());
        }
        m.append(" within ").append(rule.timespan().toString().substring(2).toLowerCase(java.util.Locale.ROOT))
                .append(" (").append(w.size()).append(" hits)");
        if (!rule.groupBy().isEmpty()) {
            String[] values = key.split(String.valueOf(KEY_SEPARATOR), -1);
            m.append(" for");
            for (int i = 0; i < values.length; i++) {
                m.append(' ').append(rule.groupBy().get(i)).append('=').append(values[i]);
            }
        }
        return m.toString();
    }

    /** The group-by (or value_count) values joined, or null when one is absent. */
    private static String key(EcsFieldPath[] fields, SecurityEvent event) {
        if (fields.length == 0) {
            return "";
        }
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            Object v = fields[i].get(event);
            if (v == null) {
                return null;
            }
            if (i > 0) {
                k.append(KEY_SEPARATOR);
            }
            k.append(v);
        }
        return k.toString();
    }

    /** A number, or a string holding one; NaN otherwise. */
    private static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
