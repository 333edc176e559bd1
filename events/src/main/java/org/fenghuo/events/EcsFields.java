package org.fenghuo.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one table of every field {@link SecurityEvent} models, by dotted ECS name, with its getter.
 * {@link EcsFieldPath}, the writer (which fields shadow {@code extra}) and the builder's check all
 * derive from it, so a field added here is known everywhere at once; the codec tests check that
 * the writer and reader agree with it.
 */
final class EcsFields {
    /** Dotted name to getter, in document order. */
    static final Map<String, Function<SecurityEvent, Object>> GETTERS;
    /** Object path ("" for the root) to the names of its modelled children (leaves and objects). */
    private static final Map<String, Set<String>> CHILDREN;

    static {
        Map<String, Function<SecurityEvent, Object>> g = new LinkedHashMap<>();
        g.put("@timestamp", SecurityEvent::timestamp);
        g.put("message", SecurityEvent::message);
        g.put("tags", SecurityEvent::tags);
        g.put("labels", SecurityEvent::labels);
        eventInfo(g);
        endpoint(g, "source", SecurityEvent::source);
        endpoint(g, "destination", SecurityEvent::destination);
        network(g);
        observerHostUserProcess(g);
        log(g);
        dns(g);
        httpUrl(g);
        tls(g);
        fenghuo(g);
        GETTERS = Collections.unmodifiableMap(g);
        CHILDREN = children(g.keySet());
        MODELLED_ROOT = modelledName("");
    }

    /**
     * The modelled names as a tree, for walking an {@code extra} tree beside it: each node knows its
     * dotted path, whether it is a field, and its modelled children when it is an object. A walk looks
     * children up by key in their parent's node, so it never joins a dotted name or hashes a new one
     * per event (the builder's check was 4% of decoding a capture with protocols, bench/README.md).
     */
    record ModelledName(String path, boolean field, Map<String, ModelledName> children) {
        /** True for an object that holds modelled fields (e.g. {@code log}, {@code log.syslog}). */
        boolean object() {
            return !children.isEmpty();
        }
    }

    /** The root of {@link ModelledName}s: its children are the top-level modelled names. */
    static final ModelledName MODELLED_ROOT;

    private EcsFields() {
    }

    /** The modelled children of an object path, e.g. {@code source} gives ip, port, ...; empty when none. */
    static Set<String> childrenOf(String objectPath) {
        return CHILDREN.getOrDefault(objectPath, Set.of());
    }

    /** True when {@code path} is an object that holds modelled fields (e.g. {@code log}, {@code log.syslog}). */
    static boolean isModelledObject(String path) {
        return CHILDREN.containsKey(path);
    }

    private static <C> void add(Map<String, Function<SecurityEvent, Object>> g, String name,
                                Function<SecurityEvent, C> component, Function<C, Object> field) {
        g.put(name, e -> {
            C c = component.apply(e);
            return c == null ? null : field.apply(c);
        });
    }

    private static void eventInfo(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.EventInfo> c = SecurityEvent::event;
        add(g, "event.id", c, SecurityEvent.EventInfo::id);
        add(g, "event.kind", c, SecurityEvent.EventInfo::kind);
        add(g, "event.category", c, SecurityEvent.EventInfo::category);
        add(g, "event.type", c, SecurityEvent.EventInfo::type);
        add(g, "event.action", c, SecurityEvent.EventInfo::action);
        add(g, "event.outcome", c, SecurityEvent.EventInfo::outcome);
        add(g, "event.module", c, SecurityEvent.EventInfo::module);
        add(g, "event.dataset", c, SecurityEvent.EventInfo::dataset);
        add(g, "event.provider", c, SecurityEvent.EventInfo::provider);
        add(g, "event.severity", c, SecurityEvent.EventInfo::severity);
        add(g, "event.original", c, SecurityEvent.EventInfo::original);
        add(g, "event.created", c, SecurityEvent.EventInfo::created);
        add(g, "event.ingested", c, SecurityEvent.EventInfo::ingested);
        add(g, "event.start", c, SecurityEvent.EventInfo::start);
        add(g, "event.end", c, SecurityEvent.EventInfo::end);
        add(g, "event.duration", c, SecurityEvent.EventInfo::duration);
    }

    private static void endpoint(Map<String, Function<SecurityEvent, Object>> g, String p,
                                 Function<SecurityEvent, SecurityEvent.Endpoint> c) {
        add(g, p + ".ip", c, SecurityEvent.Endpoint::ip);
        add(g, p + ".port", c, SecurityEvent.Endpoint::port);
        add(g, p + ".address", c, SecurityEvent.Endpoint::address);
        add(g, p + ".domain", c, SecurityEvent.Endpoint::domain);
        add(g, p + ".mac", c, SecurityEvent.Endpoint::mac);
        add(g, p + ".bytes", c, SecurityEvent.Endpoint::bytes);
        add(g, p + ".packets", c, SecurityEvent.Endpoint::packets);
    }

    private static void network(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.Network> c = SecurityEvent::network;
        add(g, "network.transport", c, SecurityEvent.Network::transport);
        add(g, "network.type", c, SecurityEvent.Network::type);
        add(g, "network.protocol", c, SecurityEvent.Network::protocol);
        add(g, "network.application", c, SecurityEvent.Network::application);
        add(g, "network.direction", c, SecurityEvent.Network::direction);
        add(g, "network.community_id", c, SecurityEvent.Network::communityId);
        add(g, "network.iana_number", c, SecurityEvent.Network::ianaNumber);
        add(g, "network.bytes", c, SecurityEvent.Network::bytes);
        add(g, "network.packets", c, SecurityEvent.Network::packets);
        add(g, "network.vlan.id", c, SecurityEvent.Network::vlanId);
    }

    private static void observerHostUserProcess(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.Observer> o = SecurityEvent::observer;
        add(g, "observer.hostname", o, SecurityEvent.Observer::hostname);
        add(g, "observer.ip", o, SecurityEvent.Observer::ip);
        add(g, "observer.name", o, SecurityEvent.Observer::name);
        add(g, "observer.type", o, SecurityEvent.Observer::type);
        add(g, "observer.vendor", o, SecurityEvent.Observer::vendor);
        add(g, "observer.product", o, SecurityEvent.Observer::product);
        Function<SecurityEvent, SecurityEvent.Host> h = SecurityEvent::host;
        add(g, "host.hostname", h, SecurityEvent.Host::hostname);
        add(g, "host.name", h, SecurityEvent.Host::name);
        add(g, "host.ip", h, SecurityEvent.Host::ip);
        Function<SecurityEvent, SecurityEvent.User> u = SecurityEvent::user;
        add(g, "user.name", u, SecurityEvent.User::name);
        add(g, "user.id", u, SecurityEvent.User::id);
        add(g, "user.domain", u, SecurityEvent.User::domain);
        Function<SecurityEvent, SecurityEvent.Process> p = SecurityEvent::process;
        add(g, "process.name", p, SecurityEvent.Process::name);
        add(g, "process.pid", p, SecurityEvent.Process::pid);
    }

    private static void log(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.Log> l = SecurityEvent::log;
        add(g, "log.level", l, SecurityEvent.Log::level);
        add(g, "log.logger", l, SecurityEvent.Log::logger);
        add(g, "log.file.path", l, SecurityEvent.Log::filePath);
        add(g, "log.offset", l, SecurityEvent.Log::offset);
        Function<SecurityEvent, SecurityEvent.Syslog> s = e -> e.log() == null ? null : e.log().syslog();
        add(g, "log.syslog.facility.code", s, SecurityEvent.Syslog::facilityCode);
        add(g, "log.syslog.facility.name", s, SecurityEvent.Syslog::facilityName);
        add(g, "log.syslog.severity.code", s, SecurityEvent.Syslog::severityCode);
        add(g, "log.syslog.severity.name", s, SecurityEvent.Syslog::severityName);
        add(g, "log.syslog.priority", s, SecurityEvent.Syslog::priority);
        add(g, "log.syslog.hostname", s, SecurityEvent.Syslog::hostname);
        add(g, "log.syslog.appname", s, SecurityEvent.Syslog::appname);
        add(g, "log.syslog.procid", s, SecurityEvent.Syslog::procid);
        add(g, "log.syslog.msgid", s, SecurityEvent.Syslog::msgid);
        add(g, "log.syslog.version", s, SecurityEvent.Syslog::version);
        add(g, "log.syslog.structured_data", s, SecurityEvent.Syslog::structuredData);
    }

    private static void dns(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.Dns> d = SecurityEvent::dns;
        add(g, "dns.id", d, SecurityEvent.Dns::id);
        add(g, "dns.type", d, SecurityEvent.Dns::type);
        add(g, "dns.op_code", d, SecurityEvent.Dns::opCode);
        add(g, "dns.question.name", d, SecurityEvent.Dns::questionName);
        add(g, "dns.question.type", d, SecurityEvent.Dns::questionType);
        add(g, "dns.question.class", d, SecurityEvent.Dns::questionClass);
        add(g, "dns.response_code", d, SecurityEvent.Dns::responseCode);
        add(g, "dns.header_flags", d, SecurityEvent.Dns::headerFlags);
        // Like Elasticsearch, a field of an array of objects reads as the list of its values.
        add(g, "dns.answers.name", d, x -> answers(x, SecurityEvent.DnsAnswer::name));
        add(g, "dns.answers.type", d, x -> answers(x, SecurityEvent.DnsAnswer::type));
        add(g, "dns.answers.class", d, x -> answers(x, SecurityEvent.DnsAnswer::dnsClass));
        add(g, "dns.answers.data", d, x -> answers(x, SecurityEvent.DnsAnswer::data));
        add(g, "dns.answers.ttl", d, x -> answers(x, SecurityEvent.DnsAnswer::ttl));
        add(g, "dns.resolved_ip", d, SecurityEvent.Dns::resolvedIp);
    }

    private static List<Object> answers(SecurityEvent.Dns dns, Function<SecurityEvent.DnsAnswer, Object> f) {
        if (dns.answers() == null) {
            return null;
        }
        List<Object> out = new ArrayList<>(dns.answers().size());
        for (SecurityEvent.DnsAnswer a : dns.answers()) {
            Object v = f.apply(a);
            if (v != null) {
                out.add(v);
            }
        }
        return out.isEmpty() ? null : Collections.unmodifiableList(out);
    }

    private static void httpUrl(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.Http> h = SecurityEvent::http;
        add(g, "http.version", h, SecurityEvent.Http::version);
        add(g, "http.request.method", h, SecurityEvent.Http::requestMethod);
        add(g, "http.request.referrer", h, SecurityEvent.Http::requestReferrer);
        add(g, "http.request.bytes", h, SecurityEvent.Http::requestBytes);
        add(g, "http.response.status_code", h, SecurityEvent.Http::responseStatusCode);
        add(g, "http.response.bytes", h, SecurityEvent.Http::responseBytes);
        add(g, "http.response.mime_type", h, SecurityEvent.Http::responseMimeType);
        Function<SecurityEvent, SecurityEvent.Url> u = SecurityEvent::url;
        add(g, "url.original", u, SecurityEvent.Url::original);
        add(g, "url.full", u, SecurityEvent.Url::full);
        add(g, "url.scheme", u, SecurityEvent.Url::scheme);
        add(g, "url.domain", u, SecurityEvent.Url::domain);
        add(g, "url.port", u, SecurityEvent.Url::port);
        add(g, "url.path", u, SecurityEvent.Url::path);
        add(g, "url.query", u, SecurityEvent.Url::query);
        g.put("user_agent.original", SecurityEvent::userAgent);
    }

    private static void tls(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.Tls> t = SecurityEvent::tls;
        add(g, "tls.version", t, SecurityEvent.Tls::version);
        add(g, "tls.version_protocol", t, SecurityEvent.Tls::versionProtocol);
        add(g, "tls.cipher", t, SecurityEvent.Tls::cipher);
        add(g, "tls.established", t, SecurityEvent.Tls::established);
        add(g, "tls.client.server_name", t, SecurityEvent.Tls::clientServerName);
        add(g, "tls.client.ja3", t, SecurityEvent.Tls::clientJa3);
        add(g, "tls.client.ja4", t, SecurityEvent.Tls::clientJa4);
        add(g, "tls.server.ja3s", t, SecurityEvent.Tls::serverJa3s);
    }

    private static void fenghuo(Map<String, Function<SecurityEvent, Object>> g) {
        Function<SecurityEvent, SecurityEvent.FenghuoFields> f = SecurityEvent::fenghuo;
        add(g, "fenghuo.input", f, SecurityEvent.FenghuoFields::input);
        add(g, "fenghuo.flow_id", f, SecurityEvent.FenghuoFields::flowId);
        Function<SecurityEvent, SecurityEvent.Ics> i = e -> e.fenghuo() == null ? null : e.fenghuo().ics();
        add(g, "fenghuo.ics.protocol", i, SecurityEvent.Ics::protocol);
        add(g, "fenghuo.ics.unit_id", i, SecurityEvent.Ics::unitId);
        add(g, "fenghuo.ics.function_code", i, SecurityEvent.Ics::functionCode);
        add(g, "fenghuo.ics.function", i, SecurityEvent.Ics::function);
        add(g, "fenghuo.ics.write", i, SecurityEvent.Ics::write);
        add(g, "fenghuo.ics.exception", i, SecurityEvent.Ics::exception);
        add(g, "fenghuo.ics.address", i, SecurityEvent.Ics::address);
        add(g, "fenghuo.ics.quantity", i, SecurityEvent.Ics::quantity);
    }

    private static ModelledName modelledName(String path) {
        Map<String, ModelledName> children = new LinkedHashMap<>();
        for (String child : CHILDREN.getOrDefault(path, Set.of())) {
            children.put(child, modelledName(path.isEmpty() ? child : path + "." + child));
        }
        return new ModelledName(path, GETTERS.containsKey(path), Map.copyOf(children));
    }

    private static Map<String, Set<String>> children(Set<String> names) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String name : names) {
            String parent = "";
            for (String segment : name.split("\\.")) {
                out.computeIfAbsent(parent, k -> new HashSet<>()).add(segment);
                parent = parent.isEmpty() ? segment : parent + "." + segment;
            }
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }
}
