package org.fenghuo.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who and what an alert or incident is about, the keys correlation groups by and analysts
 * pivot on. Each list is distinct, in first-seen order, never null (empty when unknown).
 *
 * @param sourceIps      {@code source.ip}: attacking or initiating addresses
 * @param destinationIps {@code destination.ip}: targeted addresses
 * @param users          {@code user.name}: accounts involved
 * @param hosts          {@code host.name}: hosts involved
 */
public record Entities(List<String> sourceIps, List<String> destinationIps, List<String> users, List<String> hosts) {
    public static final Entities NONE = new Entities(List.of(), List.of(), List.of(), List.of());

    public Entities {
        sourceIps = distinct(sourceIps);
        destinationIps = distinct(destinationIps);
        users = distinct(users);
        hosts = distinct(hosts);
    }

    /** One of each; nulls are left out. */
    public static Entities of(String sourceIp, String destinationIp, String user, String host) {
        return new Entities(one(sourceIp), one(destinationIp), one(user), one(host));
    }

    /** The entities of an event: {@code source.ip}, {@code destination.ip}, {@code user.name}, {@code host.name}. */
    public static Entities of(SecurityEvent e) {
        return of(e.source() == null ? null : e.source().ip(),
                e.destination() == null ? null : e.destination().ip(),
                e.user() == null ? null : e.user().name(),
                e.host() == null ? null : e.host().name());
    }

    /** Union, this one's values first. */
    public Entities merge(Entities other) {
        if (other == null || other.isEmpty()) {
            return this;
        }
        return new Entities(concat(sourceIps, other.sourceIps), concat(destinationIps, other.destinationIps),
                concat(users, other.users), concat(hosts, other.hosts));
    }

    public boolean isEmpty() {
        return sourceIps.isEmpty() && destinationIps.isEmpty() && users.isEmpty() && hosts.isEmpty();
    }

    private static List<String> one(String v) {
        return v == null ? List.of() : List.of(v);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> distinct(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null) {
                seen.add(v);
            }
        }
        return List.copyOf(seen);
    }
}
