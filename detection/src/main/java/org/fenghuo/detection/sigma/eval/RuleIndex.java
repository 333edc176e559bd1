package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.events.SecurityEvent;

/**
 * All compiled rules, grouped by log-source conditions: an event meets only the groups whose
 * conditions it passes. Immutable and thread-safe; the per-event scratch is per thread.
 */
public final class RuleIndex<R> {
    private final List<RuleGroup<R>> groups;
    private final int maxWords;
    private final ThreadLocal<long[]> scratch;

    public RuleIndex(List<CompiledRule<R>> rules) {
        Map<String, List<CompiledRule<R>>> byConditions = new LinkedHashMap<>();
        Map<String, CompiledRule<R>> firstOf = new LinkedHashMap<>();
        for (CompiledRule<R> r : rules) {
            String key = RuleGroup.key(r.mapping().conditions());
            byConditions.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            firstOf.putIfAbsent(key, r);
        }
        List<RuleGroup<R>> g = new ArrayList<>();
        int words = 1;
        for (Map.Entry<String, List<CompiledRule<R>>> e : byConditions.entrySet()) {
            RuleGroup<R> group = new RuleGroup<>(firstOf.get(e.getKey()).mapping().conditions(), e.getValue());
            g.add(group);
            words = Math.max(words, group.words());
        }
        this.groups = List.copyOf(g);
        this.maxWords = words;
        this.scratch = ThreadLocal.withInitial(() -> new long[maxWords]);
    }

    /** The rules that match {@code event}; an immutable empty list (no allocation) when none does. */
    public List<CompiledRule<R>> evaluate(SecurityEvent event) {
        long[] bits = scratch.get();
        List<CompiledRule<R>> out = null;
        for (int i = 0, n = groups.size(); i < n; i++) {
            RuleGroup<R> g = groups.get(i);
            if (g.applies(event)) {
                out = g.evaluate(event, bits, out);
            }
        }
        return out == null ? List.of() : out;
    }

    /** The log-source conditions of {@code mapping} hold for {@code event} (checked without the index). */
    public static boolean meetsConditions(org.fenghuo.detection.sigma.pipeline.LogSourceMapping mapping,
            SecurityEvent event) {
        return new RuleGroup<>(mapping.conditions(), List.of()).applies(event);
    }

    public int groups() {
        return groups.size();
    }

    /** How many rules the literal pre-filter can skip (they have necessary literals). */
    public int prefilteredRules() {
        return groups.stream().mapToInt(RuleGroup::prefiltered).sum();
    }
}
