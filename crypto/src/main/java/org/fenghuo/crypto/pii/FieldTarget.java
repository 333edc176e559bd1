package org.fenghuo.crypto.pii;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.events.SecurityEvent;

/**
 * One policy path compiled against the event model: the modelled text fields it covers, the
 * {@code labels} and structured-data entries it covers, and the part of {@code extra} below it
 * (lists met on the way are walked element by element, as Elasticsearch flattens them).
 * Immutable; the visitor decides what becomes of each value.
 */
final class FieldTarget {

    private static final String LABELS = "labels";
    private static final String SD = "log.syslog.structured_data";

    private final String path;
    private final String[] segments;
    private final EventFields.Writer[] writers;
    /** Null when labels are not covered, "" for all keys, else one key. */
    private final String labelKey;
    /** Null when structured data is not covered, "" for all, else {@code id} or {@code id.param}. */
    private final String sdSelector;
    /** Paths below this one with a rule of their own. */
    private final String[] excluded;

    FieldTarget(String path) {
        this(path, List.of());
    }

    /**
     * @param rulePaths every path of the policy: those below {@code path} have their own rule
     *                  (the most specific rule wins), so this target leaves them out
     */
    FieldTarget(String path, Collection<String> rulePaths) {
        this.path = path;
        this.segments = path.split("\\.");
        this.excluded = rulePaths.stream().filter(p -> !p.equals(path) && PiiPolicy.covers(path, p))
                .toArray(String[]::new);
        List<EventFields.Writer> w = new ArrayList<>();
        for (EventFields.Writer writer : EventFields.WRITERS.values()) {
            if (PiiPolicy.covers(path, writer.path()) && !excluded(writer.path())) {
                w.add(writer);
            }
        }
        this.writers = w.toArray(new EventFields.Writer[0]);
        this.labelKey = selector(path, LABELS);
        this.sdSelector = selector(path, SD);
    }

    /** True when a more specific rule covers {@code field}. */
    private boolean excluded(String field) {
        for (String e : excluded) {
            if (PiiPolicy.covers(e, field)) {
                return true;
            }
        }
        return false;
    }

    private static String selector(String path, String map) {
        if (PiiPolicy.covers(path, map)) {
            return "";
        }
        return path.startsWith(map + ".") ? path.substring(map.length() + 1) : null;
    }

    String path() {
        return path;
    }

    void visit(EventDraft d, ValueVisitor v) {
        for (EventFields.Writer w : writers) {
            String value = w.get().apply(d);
            if (value != null) {
                String out = v.visit(w.path(), value);
                if (out != value) {
                    w.set().accept(d, out);
                    d.changed();
                }
            }
        }
        if (labelKey != null && d.labels != null) {
            labels(d, v);
        }
        if (sdSelector != null && d.log != null && d.log.syslog() != null && d.log.syslog().structuredData() != null) {
            structuredData(d, v);
        }
        Map<String, Object> extra = d.extraForReading();
        if (extra != null && exists(extra, 0)) {
            rewrite(d.extraForWriting(), 0, path, v);
        }
    }

    private void labels(EventDraft d, ValueVisitor v) {
        Map<String, String> copy = null;
        for (Map.Entry<String, String> e : d.labels.entrySet()) {
            if (!labelKey.isEmpty() && !labelKey.equals(e.getKey())
                    || excluded.length > 0 && excluded(LABELS + "." + e.getKey())) {
                continue;
            }
            String out = v.visit(LABELS + "." + e.getKey(), e.getValue());
            if (out != e.getValue()) {
                if (copy == null) {
                    copy = new LinkedHashMap<>(d.labels);
                }
                copy.put(e.getKey(), out);
            }
        }
        if (copy != null) {
            copy.values().removeIf(x -> x == null);
            d.labels = copy;
            d.changed();
        }
    }

    private void structuredData(EventDraft d, ValueVisitor v) {
        SecurityEvent.Syslog s = d.log.syslog();
        Map<String, Map<String, String>> copy = null;
        for (Map.Entry<String, Map<String, String>> id : s.structuredData().entrySet()) {
            for (Map.Entry<String, String> p : id.getValue().entrySet()) {
                String name = id.getKey() + "." + p.getKey();
                if (!sdSelector.isEmpty() && !PiiPolicy.covers(sdSelector, name)
                        || excluded.length > 0 && excluded(SD + "." + name)) {
                    continue;
                }
                String out = v.visit(SD + "." + name, p.getValue());
                if (out == p.getValue()) {
                    continue;
                }
                if (copy == null) {
                    copy = new LinkedHashMap<>();
                    for (Map.Entry<String, Map<String, String>> e : s.structuredData().entrySet()) {
                        copy.put(e.getKey(), new LinkedHashMap<>(e.getValue()));
                    }
                }
                if (out == null) {
                    copy.get(id.getKey()).remove(p.getKey());
                } else {
                    copy.get(id.getKey()).put(p.getKey(), out);
                }
            }
        }
        if (copy != null) {
            SecurityEvent.Syslog n = new SecurityEvent.Syslog(s.facilityCode(), s.facilityName(), s.severityCode(),
                    s.severityName(), s.priority(), s.hostname(), s.appname(), s.procid(), s.msgid(), s.version(), copy);
            d.log = new SecurityEvent.Log(d.log.level(), d.log.logger(), d.log.filePath(), d.log.offset(), n);
            d.changed();
        }
    }

    /** True when extra holds anything at this path. */
    private boolean exists(Object node, int depth) {
        if (depth == segments.length) {
            return true;
        }
        if (node instanceof Map<?, ?> m) {
            Object child = m.get(segments[depth]);
            return child != null && exists(child, depth + 1);
        }
        if (node instanceof List<?> list) {
            for (Object element : list) {
                if (exists(element, depth)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Rewrites in place below the path; returns the node's replacement (null to remove it). */
    @SuppressWarnings("unchecked")
    private Object rewrite(Object node, int depth, String field, ValueVisitor v) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            if (depth < segments.length) {
                Object child = map.get(segments[depth]);
                if (child != null) {
                    replace(map, segments[depth], child, rewrite(child, depth + 1, field, v));
                }
                return map;
            }
            Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Object> e = it.next();
                String below = field + "." + e.getKey();
                if (BlindIndex.isOwn(below) || excluded.length > 0 && excluded(below)) {
                    continue;
                }
                Object out = rewrite(e.getValue(), depth, below, v);
                if (out == null) {
                    it.remove();
                } else if (out != e.getValue()) {
                    e.setValue(out);
                }
            }
            return map;
        }
        if (node instanceof List<?> raw) {
            ListIterator<Object> it = ((List<Object>) raw).listIterator();
            while (it.hasNext()) {
                Object element = it.next();
                Object out = element == null ? null : rewrite(element, depth, field, v);
                if (out == null) {
                    it.remove();
                } else if (out != element) {
                    it.set(out);
                }
            }
            return raw;
        }
        if (depth < segments.length) {
            return node;
        }
        String text = node instanceof String s ? s : String.valueOf(node);
        String out = v.visit(field, text);
        return out == text ? node : out;
    }

    private static void replace(Map<String, Object> map, String key, Object before, Object after) {
        if (after == null) {
            map.remove(key);
        } else if (after != before) {
            map.put(key, after);
        }
    }
}
