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
 * One literal automaton per field and partition of rule groups, over the global rule numbering,
 * so an event's field is read and scanned at most once per partition however many of its groups
 * search it (an sshd line meets three groups that all search {@code message} and
 * {@code event.original}).
 *
 * <p>Groups are partitioned by the operating system their log-source conditions require
 * ({@value #PARTITION_FIELD}): an event names one, so groups of different systems never meet the
 * same event, and merging them would only make the automata larger (all Windows command-line
 * literals in the Linux scan: 33k states instead of 1.6k, out of cache).
 */
final class FieldScans {
    static final String PARTITION_FIELD = "host.os.type";
    private final EcsFieldPath[] paths;
    /** For fields only {@code extra} can hold: the top-level extra key; null for modelled fields. */
    private final String[] extraKeys;
    /** Null for a field the pre-filter only tests for presence. */
    private final LiteralIndex[] indexes;

    private FieldScans(EcsFieldPath[] paths, String[] extraKeys, LiteralIndex[] indexes) {
        this.paths = paths;
        this.extraKeys = extraKeys;
        this.indexes = indexes;
    }

    int size() {
        return paths.length;
    }

    /**
     * Whether field {@code f} is present in the event; on the first call for this event its value
     * is scanned and the rules whose literals occur are set in {@code s.found}.
     *
     * @param extra the event's {@code extra}, read once by the caller for all its fields
     */
    boolean present(int f, SecurityEvent event, Map<String, Object> extra, EvalScratch s) {
        String key = extraKeys[f];
        // most rule fields are absent from most events: a stateless key test before any bookkeeping
        if (key != null && (extra == null || !extra.containsKey(key))) {
            return false;
        }
        int epoch = s.epoch;
        if (s.scannedAt[f] == epoch) {
            return s.presentAt[f] == epoch;
        }
        s.scannedAt[f] = epoch;
        Object v = paths[f].get(event);
        if (v == null) {
            return false;
        }
        s.presentAt[f] = epoch;
        if (indexes[f] != null) {
            scan(indexes[f], v, s.found);
        }
        return true;
    }

    private static void scan(LiteralIndex index, Object v, FoundBits found) {
        if (v instanceof String text) {
            index.scan(text, found); // the common case, before the costlier interface check below
        } else if (v instanceof List<?> list) {
            for (Object e : list) {
                if (e != null) {
                    scan(index, e, found);
                }
            }
        } else {
            index.scan(ValuePredicate.asText(v), found);
        }
    }

    /** Collects the fields and literals of all groups. */
    static final class Builder {
        private final Map<String, Integer> ids = new LinkedHashMap<>();
        private final List<LiteralIndex.Builder> literals = new ArrayList<>();

        /** The id of {@code field} in {@code partition}, added on first use. */
        int field(String partition, String field) {
            return ids.computeIfAbsent(partition + '\u0000' + field, f -> {
                literals.add(null);
                return literals.size() - 1;
            });
        }

        void addLiteral(int field, String literal, int globalRule) {
            LiteralIndex.Builder b = literals.get(field);
            if (b == null) {
                b = new LiteralIndex.Builder();
                literals.set(field, b);
            }
            b.add(literal, globalRule);
        }

        FieldScans build() {
            int n = ids.size();
            EcsFieldPath[] paths = new EcsFieldPath[n];
            String[] extraKeys = new String[n];
            LiteralIndex[] indexes = new LiteralIndex[n];
            for (Map.Entry<String, Integer> e : ids.entrySet()) {
                int f = e.getValue();
                String field = e.getKey().substring(e.getKey().indexOf('\u0000') + 1);
                paths[f] = EcsFieldPath.of(field);
                extraKeys[f] = extraKey(field);
                indexes[f] = literals.get(f) == null ? null : literals.get(f).build();
            }
            return new FieldScans(paths, extraKeys, indexes);
        }
    }

    /** The partition of a group with these log-source conditions: its required systems, or "" for any. */
    static String partition(List<FieldCondition> conditions) {
        for (FieldCondition c : conditions) {
            if (c.field().equals(PARTITION_FIELD)) {
                return c.anyOf().stream().map(v -> v.toLowerCase(Locale.ROOT)).sorted().toList().toString();
            }
        }
        return "";
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
}
