package org.fenghuo.detection.ioc;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * Looks an event's observables up in an {@link IndicatorIndex}, valid at the event's
 * {@code @timestamp}: addresses ({@code source.ip}, {@code destination.ip},
 * {@code dns.resolved_ip}) exactly and against every listed network containing them, longest
 * first (a specific network from one feed must not hide a broader one from another); names ({@code dns.question.name},
 * {@code tls.client.server_name}, {@code url.domain}) and every listed parent, longest first; {@code url.full} and an
 * absolute {@code url.original} as URLs; {@code file.hash.md5/sha1/sha256/sha512}. Every indicator
 * listing the matched value is reported (one per source and id).
 */
public final class IocMatches {
    private static final String[] HASH_FIELDS = {"file.hash.md5", "file.hash.sha1", "file.hash.sha256", "file.hash.sha512"};
    private static final IndicatorType[] HASH_TYPES = {IndicatorType.MD5, IndicatorType.SHA1, IndicatorType.SHA256,
            IndicatorType.SHA512};
    private static final EcsFieldPath[] HASH_PATHS = {EcsFieldPath.of(HASH_FIELDS[0]), EcsFieldPath.of(HASH_FIELDS[1]),
            EcsFieldPath.of(HASH_FIELDS[2]), EcsFieldPath.of(HASH_FIELDS[3])};

    private IocMatches() {
    }

    /** The matches in {@code event}, empty (immutable) when none. */
    public static List<IocMatch> find(IndicatorIndex index, SecurityEvent event) {
        Finder f = new Finder(index, IndicatorIndex.timeOf(event.timestamp()));
        if (event.source() != null) {
            f.ip("source.ip", event.source().ip());
        }
        if (event.destination() != null) {
            f.ip("destination.ip", event.destination().ip());
        }
        if (event.dns() != null) {
            f.domain("dns.question.name", event.dns().questionName());
            if (event.dns().resolvedIp() != null) {
                event.dns().resolvedIp().forEach(ip -> f.ip("dns.resolved_ip", ip));
            }
        }
        if (event.tls() != null) {
            f.domain("tls.client.server_name", event.tls().clientServerName());
        }
        if (event.url() != null) {
            f.domain("url.domain", event.url().domain());
            f.url("url.full", event.url().full());
            if (!java.util.Objects.equals(event.url().original(), event.url().full())) {
                f.url("url.original", event.url().original());
            }
        }
        if (index.count(IndicatorType.MD5) + index.count(IndicatorType.SHA1) + index.count(IndicatorType.SHA256)
                + index.count(IndicatorType.SHA512) > 0 && event.extra() != null) {
            for (int i = 0; i < HASH_PATHS.length; i++) {
                f.hash(HASH_FIELDS[i], HASH_TYPES[i], HASH_PATHS[i].get(event));
            }
        }
        return f.matches == null ? List.of() : f.matches;
    }

    private static final class Finder {
        private final IndicatorIndex index;
        private final long time;
        private final long[] bits = new long[2];
        private List<IocMatch> matches;

        Finder(IndicatorIndex index, long time) {
            this.index = index;
            this.time = time;
        }

        void ip(String field, String ip) {
            if (ip == null || ip.isEmpty()) {
                return;
            }
            long v4 = IpAddresses.parseIpv4(ip);
            if (v4 == IpAddresses.INVALID && IpAddresses.parseIpv6(ip, 0, ip.length(), bits)) {
                v4 = IpAddresses.mappedIpv4(bits[0], bits[1]);
                if (v4 == IpAddresses.INVALID) {
                    all(index.ipv6(bits[0], bits[1], time), field, ip);
                    for (int s = index.cidr6(bits[0], bits[1], 128, time); s >= 0;
                            s = index.cidr6(bits[0], bits[1], index.prefixLength(s) - 1, time)) {
                        all(s, field, ip);
                    }
                    return;
                }
            }
            if (v4 != IpAddresses.INVALID) {
                all(index.ipv4(v4, time), field, ip);
                for (int s = index.cidr4(v4, 32, time); s >= 0; s = index.cidr4(v4, index.prefixLength(s) - 1, time)) {
                    all(s, field, ip);
                }
            }
        }

        void domain(String field, String name) {
            if (name != null && !name.isEmpty()) {
                for (int s = index.domain(name, time); s >= 0;
                        s = index.domain(name, index.indicator(s).value().length() - 1, time)) {
                    all(s, field, name);
                }
            }
        }

        void url(String field, String url) {
            if (url != null && url.contains("://")) {
                all(index.url(url, time), field, url);
            }
        }

        void hash(String field, IndicatorType type, Object value) {
            if (value instanceof String s) {
                all(index.hash(type, s, time), field, s);
            } else if (value instanceof List<?> list) {
                list.forEach(v -> hash(field, type, v));
            }
        }

        private void all(int slot, String field, String value) {
            for (; slot >= 0; slot = index.nextValid(slot, time)) {
                if (matches == null) {
                    matches = new ArrayList<>(2);
                }
                matches.add(new IocMatch(index.indicator(slot), field, value));
            }
        }
    }
}
