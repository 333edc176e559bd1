package org.fenghuo.collectors.pcap.app;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.fenghuo.events.IndexedEntrySet;
import org.fenghuo.events.SecurityEvent;

/**
 * What a protocol analyzer found, without the flow context: {@link AppEventMapper} adds the
 * endpoints, {@code network.*}, {@code fenghuo.flow_id}, {@code event.id} and the dataset
 * {@code pcap.<protocol>}. Build with {@link #of} and the {@code with...} methods.
 *
 * @param timestampNanos capture time of the packet that completed the message (epoch nanoseconds)
 * @param protocol       lower-case protocol name: dns, http, tls, ssh, modbus, dnp3, s7comm, iec104
 * @param action         {@code event.action}, e.g. {@code dns-query}, {@code http-request}
 * @param category       {@code event.category}, e.g. [network]
 * @param type           {@code event.type}, e.g. [protocol]
 * @param outcome        {@code event.outcome} or null
 * @param extra          further fields by dotted ECS name (e.g. {@code fenghuo.ics.dnp3.objects}),
 *                       values JSON-shaped
 */
public record AppEvent(long timestampNanos, String protocol, String action, List<String> category, List<String> type,
                       String outcome, SecurityEvent.Dns dns, SecurityEvent.Http http, SecurityEvent.Url url,
                       String userAgent, SecurityEvent.Tls tls, SecurityEvent.Ics ics, Map<String, Object> extra) {
    private static final List<String> NETWORK = List.of("network");
    private static final List<String> PROTOCOL = List.of("protocol");

    public AppEvent {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(action, "action");
        category = category == null ? null : List.copyOf(category);
        type = type == null ? null : List.copyOf(type);
        extra = extra == null ? Map.of() : extra instanceof Fields f ? f : Fields.copyOf(extra);
    }

    /** An event with {@code event.category: [network]} and {@code event.type: [protocol]}. */
    public static AppEvent of(long timestampNanos, String protocol, String action) {
        return new AppEvent(timestampNanos, protocol, action, NETWORK, PROTOCOL, null, null, null, null, null, null,
                null, Map.of());
    }

    public AppEvent withCategory(List<String> category, List<String> type) {
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics, extra);
    }

    public AppEvent withOutcome(String outcome) {
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics, extra);
    }

    public AppEvent withDns(SecurityEvent.Dns dns) {
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics, extra);
    }

    public AppEvent withHttp(SecurityEvent.Http http, SecurityEvent.Url url, String userAgent) {
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics, extra);
    }

    public AppEvent withTls(SecurityEvent.Tls tls) {
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics, extra);
    }

    public AppEvent withIcs(SecurityEvent.Ics ics) {
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics, extra);
    }

    /** Adds one field by dotted name; a null value is left out. */
    public AppEvent withField(String dottedName, Object value) {
        if (value == null) {
            return this;
        }
        Fields from = extra instanceof Fields f ? f : Fields.copyOf(extra);
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics,
                from.with(dottedName, value));
    }

    /**
     * The immutable {@link #extra} map: insertion order, like the {@link LinkedHashMap} copy it replaces,
     * but {@link #with} usually appends in place instead of copying. Entries live in arrays shared along
     * a chain of {@code with} calls; each map sees only its first {@code size} of them, which are never
     * changed, and only the first {@code with} on a map may append to the shared arrays (later ones,
     * branches, copy). A repeated name replaces the value at its old position, as {@code put} does.
     */
    static final class Fields extends AbstractMap<String, Object> {
        private final String[] keys;
        private final Object[] values;
        private final int size;
        /** Set by the one {@link #with} that may append to {@link #keys} and {@link #values} in place. */
        private final AtomicBoolean extended = new AtomicBoolean();

        private Fields(String[] keys, Object[] values, int size) {
            this.keys = keys;
            this.values = values;
            this.size = size;
        }

        static Fields copyOf(Map<String, Object> map) {
            int n = map.size();
            String[] keys = new String[Math.max(n, 4)];
            Object[] values = new Object[keys.length];
            int i = 0;
            for (Map.Entry<String, Object> e : map.entrySet()) {
                keys[i] = e.getKey();
                values[i] = e.getValue();
                i++;
            }
            return new Fields(keys, values, i);
        }

        Fields with(String key, Object value) {
            int at = indexOf(key);
            if (at >= 0) {
                String[] k = Arrays.copyOf(keys, size);
                Object[] v = Arrays.copyOf(values, size);
                v[at] = value;
                return new Fields(k, v, size);
            }
            if (size < keys.length && extended.compareAndSet(false, true)) {
                keys[size] = key;
                values[size] = value;
                return new Fields(keys, values, size + 1);
            }
            String[] k = Arrays.copyOf(keys, Math.max(8, size * 2));
            Object[] v = Arrays.copyOf(values, k.length);
            k[size] = key;
            v[size] = value;
            return new Fields(k, v, size + 1);
        }

        private int indexOf(Object key) {
            for (int i = 0; i < size; i++) {
                if (Objects.equals(keys[i], key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object remove(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Map<? extends String, ?> m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public Object get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < size; i++) {
                action.accept(keys[i], values[i]);
            }
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return IndexedEntrySet.of(keys, values, size);
        }
    }
}
