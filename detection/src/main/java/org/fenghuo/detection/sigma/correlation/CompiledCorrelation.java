package org.fenghuo.detection.sigma.correlation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fenghuo.events.Alert;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * One correlation ready to run: field paths resolved per rule (aliases applied) and its per-key
 * windows, kept in order of their latest hit so the idle ones are at the head (expiry and eviction
 * never scan).
 *
 * <p>Two ways to decide, chosen by the condition. Only a lower bound ({@code gt}/{@code gte}, and
 * {@code temporal_ordered}): tested on every hit over the sliding window ending at it, a match
 * consumes the window and mutes the key for one timespan. Any upper bound, {@code eq} or
 * {@code neq}: the measure may still rise past it, so it is tested once, when the window opened by
 * the key's first hit closes one timespan later (the watermark passes its end).
 */
final class CompiledCorrelation {

    final SigmaCorrelation rule;
    /** Whether its matches are published as alerts (not only fed to the correlations chained on it). */
    final boolean emits;
    private final boolean deferred;
    private final long spanMillis;
    /** [rule index][group-by index]. */
    private final EcsFieldPath[][] groupFields;
    /** [rule index][condition field index]. */
    private final EcsFieldPath[][] valueFields;
    private final CorrelationAlerts alerts;
    private final CorrelationLimits limits;
    private final Counters counters;
    private final LinkedHashMap<String, GroupWindow> windows = new LinkedHashMap<>(16, 0.75f, true);
    /**
     * Deferred windows by key, in order of their closing time (opened in time order, so insertion
     * order suffices). A map, not a queue, so a key evicted at the limit takes its pending close
     * along: otherwise a scan with a long timespan would keep every evicted window alive until then.
     */
    private final LinkedHashMap<String, GroupWindow> closing = new LinkedHashMap<>();

    /** A match: the alert and the event that completed it (what a chained correlation reads). */
    record Match(Alert alert, long millis, SecurityEvent trigger) {
    }

    CompiledCorrelation(SigmaCorrelation rule, boolean emits, CorrelationLimits limits, Counters counters) {
        this.rule = rule;
        this.emits = emits;
        this.limits = limits;
        this.counters = counters;
        this.spanMillis = rule.timespan().toMillis();
        this.alerts = new CorrelationAlerts(rule, limits.maxEvidence());
        CorrelationCondition c = rule.condition();
        this.deferred = rule.type() != CorrelationType.TEMPORAL_ORDERED
                && (c.upper() != null || c.eq() != null || c.neq() != null);
        int n = rule.rules().size();
        groupFields = new EcsFieldPath[n][];
        valueFields = new EcsFieldPath[n][];
        for (int r = 0; r < n; r++) {
            groupFields[r] = paths(rule.groupBy(), rule.rules().get(r));
            valueFields[r] = paths(c.fields(), rule.rules().get(r));
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

    /** One hit of rule {@code ruleIndex} at {@code millis}; returns a match decided on arrival, or null. */
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
        if (deferred) {
            if (w.closesAt == Long.MIN_VALUE) {
                w.closesAt = plusSpan(millis);
                closing.put(key, w);
            }
        } else {
            w.evictBefore(millis - spanMillis);
        }
        if (!w.add(new GroupWindow.Entry(millis, ruleIndex, number, value, event), limits.maxHitsPerKey())) {
            counters.hitEvictions++;
        }
        if (deferred) {
            return null;
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
        Match m = new Match(alerts.alert(values(key), millis, measure, w), millis, event);
        w.clear();
        w.suppressedUntil = plusSpan(millis);
        return m;
    }

    private GroupWindow window(String key) {
        GroupWindow w = windows.get(key);
        if (w == null) {
            if (windows.size() >= limits.maxKeysPerCorrelation()) {
                Iterator<Map.Entry<String, GroupWindow>> eldest = windows.entrySet().iterator();
                closing.remove(eldest.next().getKey()); // its pending close, if any, is void
                eldest.remove();
                counters.keyEvictions++;
            }
            w = new GroupWindow(rule.rules().size());
            windows.put(key, w);
        }
        return w;
    }

    /**
     * The clock moved to {@code nowMillis}: decides the deferred windows that ended before it
     * (their matches go to {@code matches}), then forgets keys idle for a timespan.
     */
    void advance(long nowMillis, Consumer<Match> matches) {
        Iterator<Map.Entry<String, GroupWindow>> pending = closing.entrySet().iterator();
        while (pending.hasNext()) {
            Map.Entry<String, GroupWindow> p = pending.next();
            GroupWindow w = p.getValue();
            if (w.closesAt >= nowMillis) {
                break;
            }
            pending.remove();
            windows.remove(p.getKey());
            double measure = w.measure(rule.type(), rule.condition().percentile());
            if (w.size() > 0 && rule.condition().test(measure)) {
                GroupWindow.Entry last = w.last();
                matches.accept(new Match(alerts.alert(values(p.getKey()), last.millis(), measure, w), last.millis(),
                        last.event()));
            }
        }
        Iterator<GroupWindow> it = windows.values().iterator();
        while (it.hasNext()) {
            GroupWindow w = it.next();
            // a deferred window idle that long has closed above: its end is at most its last hit + timespan
            if (w.lastMillis >= nowMillis - spanMillis) {
                return;
            }
            it.remove();
            counters.expiredKeys++;
        }
    }

    private long plusSpan(long millis) {
        return millis > Long.MAX_VALUE - spanMillis ? Long.MAX_VALUE : millis + spanMillis;
    }

    int keys() {
        return windows.size();
    }

    /** Deferred windows waiting for their close (what the key limit must bound too). */
    int pendingCloses() {
        return closing.size();
    }

    private List<String> values(String key) {
        return rule.groupBy().isEmpty() ? List.of() : GroupKeys.split(key);
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
                k.append(GroupKeys.SEPARATOR);
            }
            GroupKeys.append(k, v.toString());
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
