package org.fenghuo.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fluent builder for {@link SecurityEvent}; one setter per top-level component. Not
 * thread-safe; {@link #build()} may be called more than once.
 */
public final class SecurityEventBuilder {
    private Instant timestamp;
    private String message;
    private List<String> tags;
    private Map<String, String> labels;
    private SecurityEvent.EventInfo event;
    private SecurityEvent.Endpoint source;
    private SecurityEvent.Endpoint destination;
    private SecurityEvent.Network network;
    private SecurityEvent.Observer observer;
    private SecurityEvent.Host host;
    private SecurityEvent.User user;
    private SecurityEvent.Process process;
    private SecurityEvent.Log log;
    private SecurityEvent.Dns dns;
    private SecurityEvent.Http http;
    private SecurityEvent.Url url;
    private String userAgent;
    private SecurityEvent.Tls tls;
    private SecurityEvent.FenghuoFields fenghuo;
    /** Kept as given (or as built up by {@link #extraField}) until {@link #build()} copies it. */
    private Map<String, Object> extra;
    /** True when {@link #extra} is this builder's own map (made by {@link #extraField}), not the caller's. */
    private boolean extraOwned;

    SecurityEventBuilder() {
    }

    SecurityEventBuilder(SecurityEvent from) {
        timestamp = from.timestamp();
        message = from.message();
        tags = from.tags();
        labels = from.labels();
        event = from.event();
        source = from.source();
        destination = from.destination();
        network = from.network();
        observer = from.observer();
        host = from.host();
        user = from.user();
        process = from.process();
        log = from.log();
        dns = from.dns();
        http = from.http();
        url = from.url();
        userAgent = from.userAgent();
        tls = from.tls();
        fenghuo = from.fenghuo();
        extra = from.extra();
    }

    /** {@code @timestamp}. */
    public SecurityEventBuilder timestamp(Instant timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    /** {@code message}. */
    public SecurityEventBuilder message(String message) {
        this.message = message;
        return this;
    }

    /** {@code tags}. */
    public SecurityEventBuilder tags(List<String> tags) {
        this.tags = tags;
        return this;
    }

    /** {@code tags}. */
    public SecurityEventBuilder tags(String... tags) {
        this.tags = List.of(tags);
        return this;
    }

    /** {@code labels}. */
    public SecurityEventBuilder labels(Map<String, String> labels) {
        this.labels = labels;
        return this;
    }

    /** {@code event.*}. */
    public SecurityEventBuilder event(SecurityEvent.EventInfo event) {
        this.event = event;
        return this;
    }

    /** {@code source.*}. */
    public SecurityEventBuilder source(SecurityEvent.Endpoint source) {
        this.source = source;
        return this;
    }

    /** {@code destination.*}. */
    public SecurityEventBuilder destination(SecurityEvent.Endpoint destination) {
        this.destination = destination;
        return this;
    }

    /** {@code network.*}. */
    public SecurityEventBuilder network(SecurityEvent.Network network) {
        this.network = network;
        return this;
    }

    /** {@code observer.*}. */
    public SecurityEventBuilder observer(SecurityEvent.Observer observer) {
        this.observer = observer;
        return this;
    }

    /** {@code host.*}. */
    public SecurityEventBuilder host(SecurityEvent.Host host) {
        this.host = host;
        return this;
    }

    /** {@code user.*}. */
    public SecurityEventBuilder user(SecurityEvent.User user) {
        this.user = user;
        return this;
    }

    /** {@code process.*}. */
    public SecurityEventBuilder process(SecurityEvent.Process process) {
        this.process = process;
        return this;
    }

    /** {@code log.*}. */
    public SecurityEventBuilder log(SecurityEvent.Log log) {
        this.log = log;
        return this;
    }

    /** {@code dns.*}. */
    public SecurityEventBuilder dns(SecurityEvent.Dns dns) {
        this.dns = dns;
        return this;
    }

    /** {@code http.*}. */
    public SecurityEventBuilder http(SecurityEvent.Http http) {
        this.http = http;
        return this;
    }

    /** {@code url.*}. */
    public SecurityEventBuilder url(SecurityEvent.Url url) {
        this.url = url;
        return this;
    }

    /** {@code user_agent.original}. */
    public SecurityEventBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** {@code tls.*}. */
    public SecurityEventBuilder tls(SecurityEvent.Tls tls) {
        this.tls = tls;
        return this;
    }

    /** {@code fenghuo.*}. */
    public SecurityEventBuilder fenghuo(SecurityEvent.FenghuoFields fenghuo) {
        this.fenghuo = fenghuo;
        return this;
    }

    /** Unmodelled fields as a JSON-shaped tree (replaces what was there). */
    public SecurityEventBuilder extra(Map<String, Object> extra) {
        this.extra = extra;
        this.extraOwned = false;
        return this;
    }

    /**
     * Adds one unmodelled field by dotted name, e.g. {@code extraField("source.geo.city_name", "杭州")}.
     * The name is expanded on {@link #build()}; a modelled name is refused there.
     */
    public SecurityEventBuilder extraField(String dottedName, Object value) {
        if (!extraOwned) {
            // copied once, never the caller's map; build() copies again, so later calls do not leak into built events
            extra = extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
            extraOwned = true;
        }
        extra.put(dottedName, value);
        return this;
    }

    /**
     * @throws IllegalArgumentException when {@code extra} is not JSON-shaped or holds a field the
     *         record models (e.g. {@code extra.source.ip}): that value would be shadowed on write
     */
    public SecurityEvent build() {
        // The record's constructor makes the canonical immutable copy of extra; check that one
        // rather than copying twice.
        SecurityEvent built = new SecurityEvent(timestamp, message, tags, labels, event, source, destination, network,
                observer, host, user, process, log, dns, http, url, userAgent, tls, fenghuo, extra);
        Map<String, Object> x = built.extra();
        if (x == null) {
            return built;
        }
        if (x.isEmpty()) {
            return new SecurityEvent(timestamp, message, tags, labels, event, source, destination, network, observer,
                    host, user, process, log, dns, http, url, userAgent, tls, fenghuo, null);
        }
        checkNotModelled(x, EcsFields.MODELLED_ROOT);
        return built;
    }

    /**
     * Extra may add fields inside modelled objects and keys inside the two modelled maps
     * (labels, structured data), and carry per-answer fields as a list aligned with dns.answers
     * (which is what the reader produces); anything at a modelled name would be shadowed.
     */
    @SuppressWarnings("unchecked")
    private static void checkNotModelled(Map<String, Object> tree, EcsFields.ModelledName here) {
        // Every name checked below (modelled fields and objects, labels, structured data, dns.answers) is a
        // modelled child of its parent, so other keys (most of extra) are passed over at one lookup each.
        Map<String, EcsFields.ModelledName> modelledHere = here.children();
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            EcsFields.ModelledName child = modelledHere.get(e.getKey());
            if (child == null) {
                continue;
            }
            String name = child.path();
            Object value = e.getValue();
            if (name.equals("labels") || name.equals("log.syslog.structured_data")) {
                require(value instanceof Map<?, ?>, name, "an object");
            } else if (name.equals("dns.answers")) {
                require(value instanceof List<?>, name, "a list aligned with the modelled answers");
            } else if (child.field()) {
                throw new IllegalArgumentException(name + " is a modelled field; set it on its component, not in extra");
            } else if (child.object()) {
                require(value instanceof Map<?, ?>, name, "an object");
                checkNotModelled((Map<String, Object>) value, child);
            }
        }
    }

    private static void require(boolean ok, String name, String what) {
        if (!ok) {
            throw new IllegalArgumentException("extra." + name + " must be " + what
                    + ": " + name + " is modelled");
        }
    }
}
