package org.fenghuo.collectors.pcap.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
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
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(dottedName, value);
        return new AppEvent(timestampNanos, protocol, action, category, type, outcome, dns, http, url, userAgent, tls, ics, more);
    }
}
