package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * All compiled rules, grouped by log-source conditions. Groups are dispatched on their first
 * condition: each distinct condition field is read once per event and its value(s) looked up in
 * a hash map to the groups that want it, so an event only meets its own groups' rules. Immutable
 * and thread-safe; the per-event scratch is per thread.
 */
public final class RuleIndex<R> {
    private final List<RuleGroup<R>> unconditional;
    private final EcsFieldPath[] dispatchPaths;
    private final List<Map<String, int[]>> dispatchTables;
    private final List<RuleGroup<R>> groups;
    private final FieldScans scans;
    private final ThreadLocal<EvalScratch> scratch;

    public RuleIndex(List<CompiledRule<R>> rules) {
        Map<String, List<CompiledRule<R>>> byConditions = new LinkedHashMap<>();
        for (CompiledRule<R> r : rules) {
            byConditions.computeIfAbsent(RuleGroup.key(r.mapping().conditions()), k -> new ArrayList<>()).add(r);
        }
        List<RuleGroup<R>> all = new ArrayList<>();
        List<RuleGroup<R>> none = new ArrayList<>();
        Map<String, Map<String, List<Integer>>> tables = new LinkedHashMap<>();
        FieldScans.Builder scanBuilder = new FieldScans.Builder();
        int words = 1;
        int wordBase = 0;
        for (List<CompiledRule<R>> members : byConditions.values()) {
            RuleGroup<R> group = new RuleGroup<>(members.get(0).mapping().conditions(), members, wordBase, scanBuilder);
            wordBase += group.words();
            int id = all.size();
            all.add(group);
            words = Math.max(words, group.words());
            if (group.dispatchField() == null) {
                none.add(group);
                continue;
            }
            Map<String, List<Integer>> table = tables.computeIfAbsent(group.dispatchField(), f -> new HashMap<>());
            for (String v : group.dispatchValues()) {
                List<Integer> ids = table.computeIfAbsent(v.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        this.groups = List.copyOf(all);
        this.unconditional = List.copyOf(none);
        this.scans = scanBuilder.build();
        this.dispatchPaths = tables.keySet().stream().map(EcsFieldPath::of).toArray(EcsFieldPath[]::new);
        this.dispatchTables = new ArrayList<>();
        for (Map<String, List<Integer>> t : tables.values()) {
            Map<String, int[]> frozen = new HashMap<>();
            t.forEach((k, v) -> frozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            dispatchTables.add(Map.copyOf(frozen));
        }
        int groupWords = words;
        int globalWords = Math.max(1, wordBase);
        int groupCount = all.size();
        int fields = scans.size();
        this.scratch = ThreadLocal.withInitial(() -> new EvalScratch(groupWords, globalWords, groupCount, fields));
    }

    /** The rules that match {@code event}; an immutable empty list (no allocation) when none does. */
    public List<CompiledRule<R>> evaluate(SecurityEvent event) {
        EvalScratch s = scratch.get();
        s.next();
        int epoch = s.epoch;
        List<CompiledRule<R>> out = null;
        for (int i = 0, n = unconditional.size(); i < n; i++) {
            out = unconditional.get(i).evaluate(event, scans, s, out);
        }
        for (int f = 0; f < dispatchPaths.length; f++) {
            Object v = dispatchPaths[f].get(event);
            if (v != null) {
                out = dispatch(event, v, dispatchTables.get(f), s, epoch, out);
            }
        }
        return out == null ? List.of() : out;
    }

    private List<CompiledRule<R>> dispatch(SecurityEvent event, Object value, Map<String, int[]> table, EvalScratch s,
            int epoch, List<CompiledRule<R>> out) {
        if (value instanceof List<?> list) {
            for (int i = 0, n = list.size(); i < n; i++) {
                Object e = list.get(i);
                if (e != null) {
                    out = dispatch(event, e, table, s, epoch, out);
                }
            }
            return out;
        }
        String text = ValuePredicate.asText(value);
        int[] ids = table.get(text);
        if (ids == null && hasUpperCase(text)) {
            ids = table.get(text.toLowerCase(Locale.ROOT));
        }
        if (ids == null) {
            return out;
        }
        for (int id : ids) {
            if (s.ranAt[id] != epoch) {
                s.ranAt[id] = epoch;
                RuleGroup<R> g = groups.get(id);
                if (g.appliesFrom(event, 1)) {
                    out = g.evaluate(event, scans, s, out);
                }
            }
        }
        return out;
    }

    /** Asked for every dispatch value the table misses (most of them): ASCII without the Character tables. */
    static boolean hasUpperCase(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 128 ? (c >= 'A' && c <= 'Z') : c != Character.toLowerCase(c)) {
                return true;
            }
        }
        return false;
    }

    /** The log-source conditions of {@code mapping} hold for {@code event} (checked without the index). */
    public static boolean meetsConditions(LogSourceMapping mapping, SecurityEvent event) {
        return new RuleGroup<>(mapping.conditions()).applies(event);
    }

    /** The rules an event would be evaluated against after the log-source and literal pre-filters. */
    public List<R> candidates(SecurityEvent event) {
        List<R> out = new ArrayList<>();
        EvalScratch s = scratch.get();
        s.next();
        for (RuleGroup<R> g : groups) {
            if (g.applies(event)) {
                out.addAll(g.candidateRules(event, scans, s));
            }
        }
        return out;
    }

    public int groups() {
        return groups.size();
    }

    /** How many rules the pre-filters can skip (they have necessary literals or fields). */
    public int prefilteredRules() {
        return groups.stream().mapToInt(RuleGroup::prefiltered).sum();
    }
}
