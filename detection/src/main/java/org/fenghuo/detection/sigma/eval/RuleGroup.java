package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * The rules that share one set of log-source conditions: the conditions are checked once per
 * event for all of them, then the rules whose necessary literals occur in the searched fields
 * (found by {@link FieldScans}, shared by all groups) are evaluated, with the rules without literals.
 */
final class RuleGroup<R> {
    private final EcsFieldPath[] conditionPaths;
    private final String[][] conditionValues;
    private final CompiledRule<R>[] rules;
    private final long[] alwaysCandidates;
    /** Where this group's rules start in the global numbering, in 64-bit words. */
    private final int wordBase;
    /** Each field the pre-filter reads (ids of {@link FieldScans}), with its presence mask or null. */
    private final int[] scanFields;
    private final long[][] presenceMasks;

    /** A group for checking its conditions only. */
    RuleGroup(List<FieldCondition> conditions) {
        this(conditions, List.of(), 0, new FieldScans.Builder());
    }

    /**
     * @param wordBase first word of this group's rules in the global numbering; its literals are
     *                 added to {@code scans} under global rule numbers
     */
    @SuppressWarnings("unchecked")
    RuleGroup(List<FieldCondition> conditions, List<CompiledRule<R>> ruleList, int wordBase, FieldScans.Builder scans) {
        conditionPaths = conditions.stream().map(c -> EcsFieldPath.of(c.field())).toArray(EcsFieldPath[]::new);
        conditionValues = conditions.stream().map(c -> c.anyOf().toArray(String[]::new)).toArray(String[][]::new);
        rules = ruleList.toArray(CompiledRule[]::new);
        this.wordBase = wordBase;
        alwaysCandidates = new long[words()];
        Map<Integer, long[]> presence = new LinkedHashMap<>();
        String partition = FieldScans.partition(conditions);
        for (int i = 0; i < rules.length; i++) {
            List<EventPredicate.LiteralAtom> atoms = rules[i].matcher().necessaryAtoms();
            if (atoms == null || atoms.isEmpty()) {
                alwaysCandidates[i >>> 6] |= 1L << i;
                continue;
            }
            for (EventPredicate.LiteralAtom a : atoms) {
                int field = scans.field(partition, a.field());
                long[] mask = presence.computeIfAbsent(field, f -> new long[0]);
                if (a.presenceOnly()) {
                    if (mask.length == 0) {
                        mask = new long[words()];
                        presence.put(field, mask);
                    }
                    mask[i >>> 6] |= 1L << i;
                } else {
                    scans.addLiteral(field, a.literal(), (wordBase << 6) + i);
                }
            }
        }
        scanFields = presence.keySet().stream().mapToInt(Integer::intValue).toArray();
        presenceMasks = presence.values().stream().map(m -> m.length == 0 ? null : m).toArray(long[][]::new);
    }

    int words() {
        return (rules.length + 63) >>> 6;
    }

    int size() {
        return rules.length;
    }

    int prefiltered() {
        int n = 0;
        for (long w : alwaysCandidates) {
            n += Long.bitCount(w);
        }
        return rules.length - n;
    }

    boolean applies(SecurityEvent event) {
        return appliesFrom(event, 0);
    }

    /** The conditions from index {@code first} on hold (the dispatcher has checked the ones before). */
    boolean appliesFrom(SecurityEvent event, int first) {
        for (int i = first; i < conditionPaths.length; i++) {
            if (!anyEquals(conditionPaths[i].get(event), conditionValues[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyEquals(Object value, String[] anyOf) {
        if (value == null) {
            return false;
        }
        // String first: an interface check (List) on a String is a scan of its interfaces
        if (!(value instanceof String) && value instanceof List<?> list) {
            for (Object e : list) {
                if (anyEquals(e, anyOf)) {
                    return true;
                }
            }
            return false;
        }
        String s = ValuePredicate.asText(value);
        for (String a : anyOf) {
            if (s.equalsIgnoreCase(a)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the matching rules to {@code out} (created on the first match). */
    List<CompiledRule<R>> evaluate(SecurityEvent event, FieldScans scans, EvalScratch s, List<CompiledRule<R>> out) {
        long[] bits = s.bits;
        prefilter(event, scans, s);
        for (int w = 0, words = words(); w < words; w++) {
            long word = bits[w];
            while (word != 0) {
                int r = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (rules[r].matches(event)) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(rules[r]);
                }
            }
        }
        return out;
    }

    /** Sets in {@code s.bits} the rules that can match: no known atoms, a present field, a literal found. */
    private void prefilter(SecurityEvent event, FieldScans scans, EvalScratch s) {
        long[] bits = s.bits;
        int words = words();
        System.arraycopy(alwaysCandidates, 0, bits, 0, words);
        Map<String, Object> extra = event.extra();
        for (int k = 0; k < scanFields.length; k++) {
            if (scans.present(scanFields[k], event, extra, s)) {
                long[] mask = presenceMasks[k];
                if (mask != null) {
                    for (int w = 0; w < words; w++) {
                        bits[w] |= mask[w];
                    }
                }
            }
        }
        long[] found = s.found.words;
        for (int w = 0; w < words; w++) {
            bits[w] |= found[wordBase + w];
        }
    }

    /** The candidates' attachments, for diagnosis. */
    List<R> candidateRules(SecurityEvent event, FieldScans scans, EvalScratch s) {
        prefilter(event, scans, s);
        List<R> out = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if ((s.bits[i >>> 6] & (1L << i)) != 0) {
                out.add(rules[i].rule());
            }
        }
        return out;
    }

    /** The first condition's field, or null for a group every event meets. */
    String dispatchField() {
        return conditionPaths.length == 0 ? null : conditionPaths[0].name();
    }

    String[] dispatchValues() {
        return conditionValues[0];
    }

    static String key(List<FieldCondition> conditions) {
        StringBuilder sb = new StringBuilder();
        for (FieldCondition c : conditions) {
            sb.append(c.field()).append('=').append(c.anyOf().stream().map(s -> s.toLowerCase(Locale.ROOT)).sorted().toList())
                    .append(';');
        }
        return sb.toString();
    }
}
