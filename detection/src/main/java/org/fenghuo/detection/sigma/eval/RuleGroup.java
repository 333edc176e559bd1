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
 * event for all of them, then one Aho-Corasick pass per searched field picks the rules whose
 * necessary literals occur; only those (and the rules without literals) are evaluated.
 */
final class RuleGroup<R> {
    private final EcsFieldPath[] conditionPaths;
    private final String[][] conditionValues;
    private final CompiledRule<R>[] rules;
    private final long[] alwaysCandidates;
    /** Each field the pre-filter reads, once per event: its presence mask and/or its literal index (null if none). */
    private final EcsFieldPath[] scanPaths;
    private final LiteralIndex[] scanIndexes;
    private final long[][] presenceMasks;
    /** For fields only {@code extra} can hold: the top-level extra key; null for modelled fields. */
    private final String[] extraKeys;

    @SuppressWarnings("unchecked")
    RuleGroup(List<FieldCondition> conditions, List<CompiledRule<R>> ruleList) {
        conditionPaths = conditions.stream().map(c -> EcsFieldPath.of(c.field())).toArray(EcsFieldPath[]::new);
        conditionValues = conditions.stream().map(c -> c.anyOf().toArray(String[]::new)).toArray(String[][]::new);
        rules = ruleList.toArray(CompiledRule[]::new);
        alwaysCandidates = new long[words()];
        Map<String, LiteralIndex.Builder> byField = new LinkedHashMap<>();
        Map<String, long[]> presence = new LinkedHashMap<>();
        for (int i = 0; i < rules.length; i++) {
            List<EventPredicate.LiteralAtom> atoms = rules[i].matcher().necessaryAtoms();
            if (atoms == null || atoms.isEmpty()) {
                alwaysCandidates[i >>> 6] |= 1L << i;
                continue;
            }
            for (EventPredicate.LiteralAtom a : atoms) {
                if (a.presenceOnly()) {
                    presence.computeIfAbsent(a.field(), f -> new long[words()])[i >>> 6] |= 1L << i;
                } else {
                    byField.computeIfAbsent(a.field(), f -> new LiteralIndex.Builder()).add(a.literal(), i);
                }
            }
        }
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(byField.keySet());
        fields.addAll(presence.keySet());
        scanPaths = new EcsFieldPath[fields.size()];
        scanIndexes = new LiteralIndex[fields.size()];
        presenceMasks = new long[fields.size()][];
        extraKeys = new String[fields.size()];
        int f = 0;
        for (String field : fields) {
            extraKeys[f] = extraKey(field);
            scanPaths[f] = EcsFieldPath.of(field);
            scanIndexes[f] = byField.containsKey(field) ? byField.get(field).build() : null;
            presenceMasks[f++] = presence.get(field);
        }
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
        if (value instanceof List<?> list) {
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

    /** Adds the matching rules to {@code out} (created on the first match); {@code bits} is scratch of {@link #words()}. */
    List<CompiledRule<R>> evaluate(SecurityEvent event, long[] bits, List<CompiledRule<R>> out) {
        int words = words();
        prefilter(event, bits);
        for (int w = 0; w < words; w++) {
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

    /** Sets the bits of the rules that can match: no known atoms, a present field, a literal found. */
    private void prefilter(SecurityEvent event, long[] bits) {
        int words = words();
        System.arraycopy(alwaysCandidates, 0, bits, 0, words);
        Map<String, Object> extra = event.extra();
        for (int f = 0; f < scanPaths.length; f++) {
            String key = extraKeys[f];
            if (key != null && (extra == null || !extra.containsKey(key))) {
                continue; // most rule fields are absent from most events: skip the path walk
            }
            Object v = scanPaths[f].get(event);
            if (v == null) {
                continue;
            }
            long[] mask = presenceMasks[f];
            if (mask != null) {
                for (int w = 0; w < words; w++) {
                    bits[w] |= mask[w];
                }
            }
            if (scanIndexes[f] != null) {
                scan(scanIndexes[f], v, bits);
            }
        }
    }

    /** The candidates' attachments, for diagnosis. */
    List<R> candidateRules(SecurityEvent event, long[] bits) {
        prefilter(event, bits);
        List<R> out = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if ((bits[i >>> 6] & (1L << i)) != 0) {
                out.add(rules[i].rule());
            }
        }
        return out;
    }

    private static void scan(LiteralIndex index, Object v, long[] bits) {
        if (v instanceof List<?> list) {
            for (Object e : list) {
                if (e != null) {
                    scan(index, e, bits);
                }
            }
        } else {
            index.scan(ValuePredicate.asText(v), bits);
        }
    }

    /**
     * The top-level key of {@code extra} under which {@code field} can only be, or null when the
     * record models it (or reads a modelled map first: labels, syslog structured data).
     */
    static String extraKey(String field) {
        if (EcsFieldPath.isModelled(field) || field.startsWith("labels.") || field.startsWith("log.syslog.structured_data.")
                || field.isEmpty()) {
            return null;
        }
        int dot = field.indexOf('.');
        return dot < 0 ? field : field.substring(0, dot);
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
