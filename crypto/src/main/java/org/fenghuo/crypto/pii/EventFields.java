package org.fenghuo.crypto.pii;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEvent.Endpoint;
import org.fenghuo.events.SecurityEvent.EventInfo;
import org.fenghuo.events.SecurityEvent.Host;
import org.fenghuo.events.SecurityEvent.Log;
import org.fenghuo.events.SecurityEvent.Observer;
import org.fenghuo.events.SecurityEvent.Syslog;
import org.fenghuo.events.SecurityEvent.Url;
import org.fenghuo.events.SecurityEvent.User;

/**
 * The modelled text fields of {@link SecurityEvent} that a policy can protect, each with a getter
 * and a writer over an {@link EventDraft}. Numbers, times, IP and MAC addresses and
 * {@code dns.answers} are not here: a sealed or masked value would not fit their Elasticsearch
 * type. {@code labels.<key>} and {@code log.syslog.structured_data.<id>.<param>} are handled by
 * {@link FieldTarget}; any other unmodelled name lives in {@code extra} and can be protected.
 */
public final class EventFields {

    /** The document id the encryption context names; never protected. */
    public static final String DOCUMENT_ID = "event.id";

    record Writer(String path, Function<EventDraft, String> get, BiConsumer<EventDraft, String> set) {
    }

    static final Map<String, Writer> WRITERS;

    static {
        Map<String, Writer> w = new LinkedHashMap<>();
        put(w, "message", d -> d.message, (d, v) -> d.message = v);
        eventFields(w);
        endpoint(w, "source", d -> d.source, (d, e) -> d.source = e);
        endpoint(w, "destination", d -> d.destination, (d, e) -> d.destination = e);
        hostsAndUser(w);
        logFields(w);
        webFields(w);
        WRITERS = Collections.unmodifiableMap(w);
    }

    private EventFields() {
    }

    private static void put(Map<String, Writer> w, String path, Function<EventDraft, String> get,
                            BiConsumer<EventDraft, String> set) {
        w.put(path, new Writer(path, get, set));
    }

    private static void eventFields(Map<String, Writer> w) {
        put(w, "event.original", d -> d.event == null ? null : d.event.original(), (d, v) -> d.event = withOriginal(d.event, v));
        put(w, "event.action", d -> d.event == null ? null : d.event.action(), (d, v) -> d.event = withAction(d.event, v));
    }

    private static EventInfo withOriginal(EventInfo e, String v) {
        return new EventInfo(e.id(), e.kind(), e.category(), e.type(), e.action(), e.outcome(), e.module(),
                e.dataset(), e.provider(), e.severity(), v, e.created(), e.ingested(), e.start(), e.end(), e.duration());
    }

    private static EventInfo withAction(EventInfo e, String v) {
        return new EventInfo(e.id(), e.kind(), e.category(), e.type(), v, e.outcome(), e.module(),
                e.dataset(), e.provider(), e.severity(), e.original(), e.created(), e.ingested(), e.start(), e.end(),
                e.duration());
    }

    private static void endpoint(Map<String, Writer> w, String p, Function<EventDraft, Endpoint> get,
                                 BiConsumer<EventDraft, Endpoint> set) {
        put(w, p + ".address", d -> get.apply(d) == null ? null : get.apply(d).address(), (d, v) -> {
            Endpoint e = get.apply(d);
            set.accept(d, new Endpoint(e.ip(), e.port(), v, e.domain(), e.mac(), e.bytes(), e.packets()));
        });
        put(w, p + ".domain", d -> get.apply(d) == null ? null : get.apply(d).domain(), (d, v) -> {
            Endpoint e = get.apply(d);
            set.accept(d, new Endpoint(e.ip(), e.port(), e.address(), v, e.mac(), e.bytes(), e.packets()));
        });
    }

    private static void hostsAndUser(Map<String, Writer> w) {
        put(w, "observer.hostname", d -> d.observer == null ? null : d.observer.hostname(), (d, v) -> {
            Observer o = d.observer;
            d.observer = new Observer(v, o.ip(), o.name(), o.type(), o.vendor(), o.product());
        });
        put(w, "observer.name", d -> d.observer == null ? null : d.observer.name(), (d, v) -> {
            Observer o = d.observer;
            d.observer = new Observer(o.hostname(), o.ip(), v, o.type(), o.vendor(), o.product());
        });
        put(w, "host.hostname", d -> d.host == null ? null : d.host.hostname(),
                (d, v) -> d.host = new Host(v, d.host.name(), d.host.ip()));
        put(w, "host.name", d -> d.host == null ? null : d.host.name(),
                (d, v) -> d.host = new Host(d.host.hostname(), v, d.host.ip()));
        put(w, "user.name", d -> d.user == null ? null : d.user.name(),
                (d, v) -> d.user = new User(v, d.user.id(), d.user.domain()));
        put(w, "user.id", d -> d.user == null ? null : d.user.id(),
                (d, v) -> d.user = new User(d.user.name(), v, d.user.domain()));
        put(w, "user.domain", d -> d.user == null ? null : d.user.domain(),
                (d, v) -> d.user = new User(d.user.name(), d.user.id(), v));
    }

    private static void logFields(Map<String, Writer> w) {
        put(w, "log.file.path", d -> d.log == null ? null : d.log.filePath(),
                (d, v) -> d.log = new Log(d.log.level(), d.log.logger(), v, d.log.offset(), d.log.syslog()));
        put(w, "log.syslog.hostname", d -> d.log == null || d.log.syslog() == null ? null : d.log.syslog().hostname(),
                (d, v) -> {
                    Syslog s = d.log.syslog();
                    Syslog n = new Syslog(s.facilityCode(), s.facilityName(), s.severityCode(), s.severityName(),
                            s.priority(), v, s.appname(), s.procid(), s.msgid(), s.version(), s.structuredData());
                    d.log = new Log(d.log.level(), d.log.logger(), d.log.filePath(), d.log.offset(), n);
                });
        put(w, "dns.question.name", d -> d.dns == null ? null : d.dns.questionName(), (d, v) -> {
            SecurityEvent.Dns x = d.dns;
            d.dns = new SecurityEvent.Dns(x.id(), x.type(), x.opCode(), v, x.questionType(), x.questionClass(),
                    x.responseCode(), x.headerFlags(), x.answers(), x.resolvedIp());
        });
        put(w, "tls.client.server_name", d -> d.tls == null ? null : d.tls.clientServerName(), (d, v) -> {
            SecurityEvent.Tls t = d.tls;
            d.tls = new SecurityEvent.Tls(t.version(), t.versionProtocol(), t.cipher(), t.established(), v,
                    t.clientJa3(), t.clientJa4(), t.serverJa3s());
        });
    }

    private static void webFields(Map<String, Writer> w) {
        put(w, "http.request.referrer", d -> d.http == null ? null : d.http.requestReferrer(), (d, v) -> {
            SecurityEvent.Http h = d.http;
            d.http = new SecurityEvent.Http(h.version(), h.requestMethod(), v, h.requestBytes(),
                    h.responseStatusCode(), h.responseBytes(), h.responseMimeType());
        });
        put(w, "url.original", d -> d.url == null ? null : d.url.original(), (d, v) -> {
            Url u = d.url;
            d.url = new Url(v, u.full(), u.scheme(), u.domain(), u.port(), u.path(), u.query());
        });
        put(w, "url.full", d -> d.url == null ? null : d.url.full(), (d, v) -> {
            Url u = d.url;
            d.url = new Url(u.original(), v, u.scheme(), u.domain(), u.port(), u.path(), u.query());
        });
        put(w, "url.domain", d -> d.url == null ? null : d.url.domain(), (d, v) -> {
            Url u = d.url;
            d.url = new Url(u.original(), u.full(), u.scheme(), v, u.port(), u.path(), u.query());
        });
        put(w, "url.path", d -> d.url == null ? null : d.url.path(), (d, v) -> {
            Url u = d.url;
            d.url = new Url(u.original(), u.full(), u.scheme(), u.domain(), u.port(), v, u.query());
        });
        put(w, "url.query", d -> d.url == null ? null : d.url.query(), (d, v) -> {
            Url u = d.url;
            d.url = new Url(u.original(), u.full(), u.scheme(), u.domain(), u.port(), u.path(), v);
        });
        put(w, "user_agent.original", d -> d.userAgent, (d, v) -> d.userAgent = v);
    }

    /** The modelled text fields a rule may name, in document order. */
    public static java.util.Set<String> writableFields() {
        return WRITERS.keySet();
    }

    /**
     * Why a policy cannot name {@code path} (already without a trailing {@code .*}), or null when
     * it can: a malformed name, the document id, the protector's own output, or a modelled field
     * that is not text.
     */
    public static String problemWith(String path) {
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")
                || path.contains("*") || path.contains(" ")) {
            return "is not a dotted field name (a trailing .* is the only wildcard)";
        }
        if (path.equals(DOCUMENT_ID)) {
            return "is the document id the encryption context names; it cannot be protected";
        }
        if (BlindIndex.isOwn(path)) {
            return "is under " + BlindIndex.OWN_NAMESPACE + ", where the protector writes blind indexes";
        }
        if (EcsFieldPath.isModelled(path) && !WRITERS.containsKey(path) && !path.equals("labels")
                && !path.equals("log.syslog.structured_data")) {
            return "is a modelled field that is not free text (a number, time, IP or MAC address, list or "
                    + "DNS answer); the protector can rewrite " + String.join(", ", WRITERS.keySet())
                    + ", labels.*, log.syslog.structured_data.* and any field kept in extra";
        }
        return null;
    }
}
