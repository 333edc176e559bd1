package org.fenghuo.collectors.syslog.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a payload parser read, as ECS dotted names ({@code source.ip}, {@code user.name},
 * {@code event.outcome}) to values: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code java.time.Instant} or a {@code List} of those. Names outside ECS go under
 * {@code fenghuo.<parser>.*}. Blank strings and nulls are not stored, so a parser can put every
 * field it knows without checking. Not thread-safe: one instance per message.
 */
public final class EcsFields {
    private final Map<String, Object> values = new LinkedHashMap<>();

    public EcsFields put(String dottedName, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        values.put(dottedName, value);
        return this;
    }

    /** Puts {@code value} only when no value is there yet (a more specific field read earlier wins). */
    public EcsFields putIfAbsent(String dottedName, Object value) {
        if (!values.containsKey(dottedName)) {
            put(dottedName, value);
        }
        return this;
    }

    public Object get(String dottedName) {
        return values.get(dottedName);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Read-only view, in insertion order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
