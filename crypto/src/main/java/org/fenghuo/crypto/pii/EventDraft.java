package org.fenghuo.crypto.pii;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBuilder;

/**
 * The components of one event being rewritten. {@link SecurityEvent} is immutable, so writers
 * replace whole component records here and {@link #build} makes one new event at the end, or
 * returns the original when nothing changed. Used by one thread for one event.
 */
final class EventDraft {

    final SecurityEvent original;
    String message;
    String userAgent;
    Map<String, String> labels;
    SecurityEvent.EventInfo event;
    SecurityEvent.Endpoint source;
    SecurityEvent.Endpoint destination;
    SecurityEvent.Observer observer;
    SecurityEvent.Host host;
    SecurityEvent.User user;
    SecurityEvent.Log log;
    SecurityEvent.Dns dns;
    SecurityEvent.Http http;
    SecurityEvent.Url url;
    SecurityEvent.Tls tls;
    /** A mutable deep copy of the original's extra, made on the first write to it. */
    private Map<String, Object> extra;
    /** Blind terms by concrete field, written under {@code fenghuo.pii.blind}. */
    private Map<String, List<String>> blind;
    /** Every blind term of the event, written to {@code fenghuo.pii.terms}. */
    private Set<String> terms;
    private boolean changed;
    /** Per-field blind entries left out by {@link #dropNestedBlindFields}. */
    int blindConflicts;

    EventDraft(SecurityEvent e) {
        original = e;
        message = e.message();
        userAgent = e.userAgent();
        labels = e.labels();
        event = e.event();
        source = e.source();
        destination = e.destination();
        observer = e.observer();
        host = e.host();
        user = e.user();
        log = e.log();
        dns = e.dns();
        http = e.http();
        url = e.url();
        tls = e.tls();
    }

    String documentId() {
        return original.event() == null ? null : original.event().id();
    }

    void changed() {
        changed = true;
    }

    /** The extra tree to read: the working copy once there is one. */
    Map<String, Object> extraForReading() {
        return extra != null ? extra : original.extra();
    }

    /** The mutable working copy of extra (made now when needed). */
    Map<String, Object> extraForWriting() {
        if (extra == null) {
            extra = original.extra() == null ? new LinkedHashMap<>() : mutableMap(original.extra());
            changed = true;
        }
        return extra;
    }

    void addBlindTerm(String field, String term, boolean perField) {
        if (perField) {
            if (blind == null) {
                blind = new LinkedHashMap<>();
            }
            blind.computeIfAbsent(field, k -> new ArrayList<>(1)).add(term);
        }
        if (terms == null) {
            terms = new LinkedHashSet<>();
        }
        terms.add(term);
        changed = true;
    }

    /** Removes an incoming {@code fenghuo.pii} object: only the protector writes there. */
    void stripOwnNamespace() {
        Map<String, Object> x = extraForReading();
        if (x != null && x.get("fenghuo") instanceof Map<?, ?> f && f.containsKey("pii")) {
            ((Map<?, ?>) extraForWriting().get("fenghuo")).remove("pii");
        }
    }

    SecurityEvent build() {
        if (!changed) {
            return original;
        }
        if (blind != null || terms != null) {
            Map<String, Object> x = extraForWriting();
            if (blind != null) {
                dropNestedBlindFields();
                blind.forEach((field, list) -> x.put(BlindIndex.FIELD_PREFIX + field,
                        list.size() == 1 ? list.get(0) : list));
            }
            if (terms != null) {
                x.put(BlindIndex.TERMS_FIELD, new ArrayList<>(terms));
            }
        }
        SecurityEventBuilder b = original.toBuilder().message(message).userAgent(userAgent).labels(labels)
                .event(event).source(source).destination(destination).observer(observer).host(host).user(user)
                .log(log).dns(dns).http(http).url(url).tls(tls);
        if (extra != null) {
            b.extra(extra);
        }
        return b.build();
    }

    /**
     * Sender-chosen keys can make one field path lie below another ({@code labels.a} and
     * {@code labels.a.b}); both cannot be stored under {@code fenghuo.pii.blind}, so the outer one
     * loses its per-field entry (its terms stay in {@code fenghuo.pii.terms}).
     */
    private void dropNestedBlindFields() {
        if (blind.size() < 2) {
            return;
        }
        List<String> outer = new ArrayList<>();
        for (String a : blind.keySet()) {
            for (String b : blind.keySet()) {
                if (b.length() > a.length() && b.startsWith(a) && b.charAt(a.length()) == '.') {
                    outer.add(a);
                    break;
                }
            }
        }
        outer.forEach(blind::remove);
        blindConflicts += outer.size();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mutableMap(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>(tree.size() * 2);
        tree.forEach((k, v) -> out.put(k, mutable(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object mutable(Object v) {
        if (v instanceof Map<?, ?> m) {
            return mutableMap((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(mutable(x)));
            return out;
        }
        return v;
    }
}
