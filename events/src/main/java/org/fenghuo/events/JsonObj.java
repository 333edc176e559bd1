package org.fenghuo.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads from one object of a parsed tree. Each read <em>removes</em> the field it
 * consumes, so whatever is left in the tree afterwards is exactly the unknown part, already
 * at its place: that becomes {@link SecurityEvent#extra()}.
 *
 * <p>Coercions follow what Elasticsearch itself accepts for the mapped type: numbers in
 * strings for numeric fields, numbers and booleans for keyword fields, a single value for an
 * array field, a one-element array for a single-valued field. Anything else is an
 * {@link EcsJsonException} naming the dotted field.
 */
final class JsonObj {
    private final Map<String, Object> map;
    // The dotted path is only needed for an error message, so it is built then, from the parent's
    // (every event reads a dozen objects and dozens of fields, and nearly every event is valid).
    private final JsonObj parent;
    private final String name;

    /** The root object ({@code path} "") or one at a fixed path. */
    JsonObj(Map<String, Object> map, String path) {
        this(map, null, path);
    }

    private JsonObj(Map<String, Object> map, JsonObj parent, String name) {
        this.map = map;
        this.parent = parent;
        this.name = name;
    }

    Map<String, Object> map() {
        return map;
    }

    private String path() {
        return parent == null ? name : parent.field(name);
    }

    String field(String key) {
        String path = path();
        return path.isEmpty() ? key : path + "." + key;
    }

    String str(String key) throws EcsJsonException {
        Object v = map.remove(key);
        if (v == null) {
            return null;
        }
        v = single(v, key);
        String text = toStrOrNull(v);
        if (text == null) {
            throw notAString(v, field(key));
        }
        return text;
    }

    Integer int32(String key) throws EcsJsonException {
        Long v = int64(key, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
        return v == null ? null : v.intValue();
    }

    Long int64(String key) throws EcsJsonException {
        return int64(key, Long.MIN_VALUE, Long.MAX_VALUE, "an integer");
    }

    Boolean bool(String key) throws EcsJsonException {
        Object v = map.remove(key);
        if (v == null) {
            return null;
        }
        v = single(v, key);
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equals(v)) {
            return Boolean.TRUE;
        }
        if ("false".equals(v)) {
            return Boolean.FALSE;
        }
        throw EcsJsonException.field(field(key), "expected true or false, got " + EcsJsonException.describe(v));
    }

    Instant instant(String key) throws EcsJsonException {
        Object v = map.remove(key);
        if (v == null) {
            return null;
        }
        v = single(v, key);
        Instant t = EcsTimestamps.parseOrNull(v);
        return t != null ? t : EcsTimestamps.parse(v, field(key));
    }

    /** An array of strings; a single value counts as a one-element array; nulls inside are skipped. */
    List<String> strList(String key) throws EcsJsonException {
        Object v = map.remove(key);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                if (e != null) {
                    String text = toStrOrNull(e);
                    if (text == null) {
                        throw notAString(e, field(key) + "[" + i + "]");
                    }
                    out.add(text);
                }
            }
        } else {
            String text = toStrOrNull(v);
            if (text == null) {
                throw notAString(v, field(key));
            }
            out.add(text);
        }
        return out.isEmpty() ? null : out;
    }

    /** The sub-object, left in place (its unknown fields stay there); null when absent. */
    @SuppressWarnings("unchecked")
    JsonObj obj(String key) throws EcsJsonException {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return new JsonObj((Map<String, Object>) m, this, key);
        }
        throw EcsJsonException.field(field(key), "expected an object, got " + EcsJsonException.describe(v));
    }

    /**
     * An array of objects (a single object counts as one). The array stays in the tree with the
     * consumed fields removed from each element, so unknown fields keep their element's index;
     * {@link #dropIfEmpty} removes it when nothing is left.
     */
    @SuppressWarnings("unchecked")
    List<JsonObj> objList(String key) throws EcsJsonException {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        List<Object> list;
        if (v instanceof Map<?, ?>) {
            list = new ArrayList<>(List.of(v));
            map.put(key, list);
        } else if (v instanceof List<?> l) {
            list = (List<Object>) l;
        } else {
            throw EcsJsonException.field(field(key), "expected an array of objects, got " + EcsJsonException.describe(v));
        }
        List<JsonObj> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            if (e instanceof Map<?, ?> m) {
                out.add(new JsonObj((Map<String, Object>) m, this, key + "[" + i + "]"));
            } else {
                throw EcsJsonException.field(field(key) + "[" + i + "]",
                        "expected an object, got " + EcsJsonException.describe(e));
            }
        }
        return out;
    }

    /** Removes an array of objects when every element is now empty. */
    void dropIfEmpty(String key) {
        if (map.get(key) instanceof List<?> list && list.stream().allMatch(JsonTrees::isAbsent)) {
            map.remove(key);
        }
    }

    /**
     * The scalar entries of a string map (labels): consumed and returned as strings; nested
     * values (a dotted label key becomes one) stay behind as unknown fields.
     */
    Map<String, String> scalarMap() throws EcsJsonException {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Object> e = it.next();
            Object v = e.getValue();
            if (!(v instanceof Map<?, ?>) && !(v instanceof List<?>)) {
                String text = toStrOrNull(v);
                if (text == null) {
                    throw notAString(v, field(e.getKey()));
                }
                out.put(e.getKey(), text);
                it.remove();
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Removes this object from its parent if reading it consumed everything. */
    static void dropIfEmpty(JsonObj parent, String key) {
        if (parent.map.get(key) instanceof Map<?, ?> m && m.isEmpty()) {
            parent.map.remove(key);
        }
    }

    private Long int64(String key, long min, long max, String what) throws EcsJsonException {
        Object v = map.remove(key);
        if (v == null) {
            return null;
        }
        v = single(v, key);
        Long n = toLong(v);
        if (n == null) {
            throw EcsJsonException.field(field(key), "expected " + what + ", got " + EcsJsonException.describe(v));
        }
        if (n < min || n > max) {
            throw EcsJsonException.field(field(key), "expected " + what + " between " + min + " and " + max
                    + ", got " + n);
        }
        return n;
    }

    private static Long toLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (long) d : null;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A one-element array stands for its element, as in Elasticsearch's own documents. */
    private Object single(Object v, String key) throws EcsJsonException {
        if (v instanceof List<?> list) {
            if (list.size() == 1 && list.get(0) != null) {
                return list.get(0);
            }
            throw EcsJsonException.field(field(key), "expected a single value, got an array of " + list.size());
        }
        return v;
    }

    /** A string, or a number or boolean as text (keyword fields take them); null for anything else. */
    private static String toStrOrNull(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    private static EcsJsonException notAString(Object v, String field) {
        return EcsJsonException.field(field, "expected a string, got " + EcsJsonException.describe(v));
    }
}
