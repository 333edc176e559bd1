package org.fenghuo.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deep immutable copies of JSON-shaped trees: {@code Map<String,?>} (insertion order kept),
 * {@code List}/{@code Collection}, {@code String}, {@code Number}, {@code Boolean}.
 *
 * <p>The copy is also the canonical form the codec and {@link EcsFieldPath} rely on:
 * <ul>
 *   <li>dotted keys are expanded and merged ({@code {"geo.city":"x"}} becomes
 *       {@code {"geo":{"city":"x"}}}), as Elasticsearch reads them;</li>
 *   <li>a map value that is null, an empty map or an empty list is dropped (Elasticsearch
 *       indexes none of them, and {@code Map.copyOf} would reject the null), recursively, so a
 *       map left empty disappears too;</li>
 *   <li>list elements are kept as they are, nulls included, because their position can matter.</li>
 * </ul>
 * Anything else (an {@code Instant}, a record, a non-string key, two values for one dotted
 * key) is rejected with an {@link IllegalArgumentException} naming the path.
 */
final class JsonTrees {
    /** Valid dotted names already split (the same few names recur on every event); never mutated. */
    private static final Map<String, String[]> SPLIT = new ConcurrentHashMap<>();
    /** Bounds {@link #SPLIT}: names read from input are unbounded, the hot ones are few. */
    private static final int SPLIT_CACHE_MAX = 4096;

    private JsonTrees() {
    }

    /** A deep canonical copy; a tree that is already one ({@link FrozenTree}) is returned as it is. */
    static Map<String, Object> immutableCopy(Map<String, Object> tree) {
        if (tree instanceof FrozenTree) {
            return tree;
        }
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        copyInto(out, tree, "");
        return freezeMap(out);
    }

    static Map<String, Map<String, String>> immutableNested(Map<String, Map<String, String>> tree) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        tree.forEach((id, params) -> {
            if (id == null) {
                throw new IllegalArgumentException("null key in structured data");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            if (params != null) {
                params.forEach((k, v) -> {
                    if (k == null) {
                        throw new IllegalArgumentException("null parameter name in structured data " + id);
                    }
                    if (v != null) {
                        copy.put(k, v);
                    }
                });
            }
            // An SD element may legitimately carry no parameters (RFC 5424 "[id]"), so keep it.
            out.put(id, Collections.unmodifiableMap(copy));
        });
        return Collections.unmodifiableMap(out);
    }

    /** True for the values a tree drops: null, an empty map, an empty list. */
    static boolean isAbsent(Object value) {
        // scalars first, by class: an interface test (Map, Collection) that fails on a String scans
        // all its interfaces on every call (JDK 17's secondary-supers check), and most values are scalars
        if (value == null) {
            return true;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return false;
        }
        return value instanceof Map<?, ?> m ? m.isEmpty() : value instanceof Collection<?> c && c.isEmpty();
    }

    /** Copies into mutable maps first, so merging dotted keys never re-copies; frozen at the end. */
    private static void copyInto(Map<String, Object> out, Map<?, ?> in, String path) {
        for (Map.Entry<?, ?> entry : in.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("non-string key " + entry.getKey() + " at " + orRoot(path));
            }
            String[] segments = splitKey(key, path);
            Object in0 = entry.getValue();
            // the path only names errors below a map or list: no string for a scalar
            Object value = in0 == null || in0 instanceof String || in0 instanceof Boolean || in0 instanceof Number
                    ? in0 : copyValue(in0, join(path, key));
            if (!isAbsent(value)) {
                put(out, segments, 0, value, path);
            }
        }
    }

    static Object copyValue(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            copyInto(out, map, path);
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(copyValue(element, path + "[]"));
            }
            return out;
        }
        throw new IllegalArgumentException("not a JSON value at " + path + ": " + value.getClass().getName());
    }

    /**
     * Puts a value at a dotted path into mutable maps, merging objects; two values for one leaf are an error.
     * {@code path} names where {@code segments[0]} sits; {@code segments} is only read, never changed.
     */
    @SuppressWarnings("unchecked")
    static void put(Map<String, Object> map, String[] segments, int from, Object value, String path) {
        String key = segments[from];
        Object existing = map.get(key);
        if (from == segments.length - 1) {
            if (existing == null) {
                map.put(key, value);
            } else if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                Map<String, Object> target = (Map<String, Object>) existing;
                String here = pathTo(path, segments, from);
                for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                    put(target, new String[] {e.getKey()}, 0, e.getValue(), here);
                }
            } else {
                throw new PathException(pathTo(path, segments, from),
                        "two values for one field (a repeated key, or dotted and nested forms)");
            }
            return;
        }
        if (existing == null) {
            existing = new LinkedHashMap<String, Object>();
            map.put(key, existing);
        } else if (!(existing instanceof Map<?, ?>)) {
            throw new PathException(pathTo(path, segments, from), "two values for one field (a value and an object)");
        }
        put((Map<String, Object>) existing, segments, from + 1, value, path);
    }

    /** The dotted path of {@code segments[0..upTo]} below {@code path}; built only when needed (errors, merges). */
    private static String pathTo(String path, String[] segments, int upTo) {
        String here = path;
        for (int i = 0; i <= upTo; i++) {
            here = join(here, segments[i]);
        }
        return here;
    }

    @SuppressWarnings("unchecked")
    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            // every list here is a fresh ArrayList made by copyValue, so it is frozen in place, not copied again
            ((List<Object>) list).replaceAll(JsonTrees::freeze);
            return Collections.unmodifiableList(list);
        }
        return value;
    }

    /** Freezes a map made by {@link #copyValue} (always a fresh {@code LinkedHashMap}) in place. */
    private static Map<String, Object> freezeMap(Map<String, Object> map) {
        if (map.isEmpty()) {
            return FrozenTree.EMPTY;
        }
        map.replaceAll((k, v) -> freeze(v));
        return FrozenTree.of(map);
    }

    static String[] splitKey(String key, String path) {
        if (key.indexOf('.') < 0) {
            if (key.isEmpty()) {
                throw new PathException(join(path, "\"\""), "empty field name");
            }
            return new String[] {key};
        }
        String[] cached = SPLIT.get(key);
        if (cached != null) {
            return cached;
        }
        String[] segments = key.split("\\.", -1);
        for (String s : segments) {
            if (s.isEmpty()) {
                throw new PathException(join(path, key), "empty segment in a dotted field name");
            }
        }
        if (SPLIT.size() < SPLIT_CACHE_MAX) {
            SPLIT.put(key, segments);
        }
        return segments;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String orRoot(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    /** A tree problem at a dotted path; the message reads {@code "<path>: <problem>"}. */
    static final class PathException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String path;

        PathException(String path, String problem) {
            super(path + ": " + problem);
            this.path = path;
        }

        String path() {
            return path;
        }
    }
}
