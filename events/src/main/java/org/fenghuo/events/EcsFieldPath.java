package org.fenghuo.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A dotted ECS field name ({@code source.ip}, {@code log.syslog.appname}) compiled once into a
 * getter chain, for rule evaluation on the hot path. Immutable and thread-safe.
 *
 * <p>Values come back as the record holds them: {@code String}, {@code Integer}/{@code Long},
 * {@code Boolean}, {@code Instant} (not formatted), {@code List} for multi-valued fields, a
 * {@code Map} for {@code labels} and {@code log.syslog.structured_data}. A field of an array of
 * objects ({@code dns.answers.data}) gives the list of its values, as Elasticsearch flattens it.
 *
 * <p>Names the record does not model are looked up in {@link SecurityEvent#extra()}, so
 * {@code source.geo.country_iso_code} read from JSON is found; the same flattening applies to
 * arrays met on the way. {@code labels.<key>} and
 * {@code log.syslog.structured_data.<id>.<param>} read into the modelled maps first.
 * Unknown names are allowed and give null; {@link #isModelled} tells them apart. A modelled
 * object ({@code source}, {@code log.syslog}, {@code dns.answers}) is not a value and gives null:
 * ask for its leaves.
 */
public final class EcsFieldPath {
    private static final String LABELS = "labels.";
    private static final String SD = "log.syslog.structured_data.";
    private static final Set<String> MODELLED =
            Collections.unmodifiableSet(new LinkedHashSet<>(EcsFields.BY_NAME.keySet()));

    private final String name;
    private final Function<SecurityEvent, Object> getter;

    private EcsFieldPath(String name, Function<SecurityEvent, Object> getter) {
        this.name = name;
        this.getter = getter;
    }

    /** @throws IllegalArgumentException for an empty name or one with an empty segment ({@code a..b}) */
    public static EcsFieldPath of(String dottedName) {
        Function<SecurityEvent, Object> modelled = EcsFields.BY_NAME.get(dottedName);
        if (modelled != null) {
            return new EcsFieldPath(dottedName, modelled);
        }
        String[] segments = JsonTrees.splitKey(dottedName, "");
        if (EcsFields.isModelledObject(dottedName)) {
            // "source" or "log.syslog" is not a value; its extra part alone would be a misleading half.
            return new EcsFieldPath(dottedName, e -> null);
        }
        Function<SecurityEvent, Object> fromExtra = e -> walk(e.extra(), segments, 0);
        if (dottedName.startsWith(LABELS) && segments.length == 2) {
            String key = segments[1];
            return new EcsFieldPath(dottedName, e -> {
                Object v = e.labels() == null ? null : e.labels().get(key);
                return v != null ? v : fromExtra.apply(e);
            });
        }
        if (dottedName.startsWith(SD) && segments.length == 5) {
            String id = segments[3];
            String param = segments[4];
            return new EcsFieldPath(dottedName, e -> {
                Object v = structuredData(e, id, param);
                return v != null ? v : fromExtra.apply(e);
            });
        }
        return new EcsFieldPath(dottedName, fromExtra);
    }

    /** The field's value in the event, or null when absent. */
    public Object get(SecurityEvent event) {
        return getter.apply(event);
    }

    /** The dotted name this path was compiled from. */
    public String name() {
        return name;
    }

    /** True when {@code dottedName} is one of {@link #modelledFields()}. */
    public static boolean isModelled(String dottedName) {
        return EcsFields.BY_NAME.containsKey(dottedName);
    }

    /**
     * Every field the record models, by dotted ECS name, in document order. Fields inside
     * {@code dns.answers} are listed as {@code dns.answers.<field>}. The Elasticsearch index
     * template is checked against this set.
     */
    public static Set<String> modelledFields() {
        return MODELLED;
    }

    private static Object structuredData(SecurityEvent e, String id, String param) {
        if (e.log() == null || e.log().syslog() == null || e.log().syslog().structuredData() == null) {
            return null;
        }
        Map<String, String> params = e.log().syslog().structuredData().get(id);
        return params == null ? null : params.get(param);
    }

    /** Walks a JSON tree; a list met on the way is flattened like Elasticsearch's arrays of objects. */
    private static Object walk(Object node, String[] segments, int from) {
        if (node == null) {
            return null;
        }
        if (from == segments.length) {
            return node;
        }
        if (node instanceof Map<?, ?> map) {
            return walk(map.get(segments[from]), segments, from + 1);
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object element : list) {
                Object v = walk(element, segments, from);
                if (v instanceof List<?> nested) {
                    out.addAll(nested);
                } else if (v != null) {
                    out.add(v);
                }
            }
            return out.isEmpty() ? null : Collections.unmodifiableList(out);
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcsFieldPath other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
