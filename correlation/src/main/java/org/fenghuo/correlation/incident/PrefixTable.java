package org.fenghuo.correlation.incident;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Longest-prefix match over IPv4 and IPv6 blocks: one hash map per prefix length in use, tried
 * from the longest down, so a lookup costs at most one probe per distinct length. Not thread-safe
 * while being filled; read-only afterwards.
 */
final class PrefixTable<V> {
    /** Prefix length to (truncated block to value), longest first. */
    private final TreeMap<Integer, Map<IpPrefix, V>> v4 = new TreeMap<>((a, b) -> Integer.compare(b, a));
    private final TreeMap<Integer, Map<IpPrefix, V>> v6 = new TreeMap<>((a, b) -> Integer.compare(b, a));

    /** Adds a block; returns the value already there for exactly this block, else null (and stores it). */
    V putIfAbsent(IpPrefix block, V value) {
        IpPrefix key = block.truncate(block.length());
        return (key.v6() ? v6 : v4).computeIfAbsent(key.length(), n -> new HashMap<>()).putIfAbsent(key, value);
    }

    /** The value of the longest block containing {@code address}, or null. */
    V longestMatch(IpPrefix address) {
        if (address == null) {
            return null;
        }
        for (Map.Entry<Integer, Map<IpPrefix, V>> e : (address.v6() ? v6 : v4).entrySet()) {
            V v = e.getValue().get(address.truncate(e.getKey()));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return v4.isEmpty() && v6.isEmpty();
    }
}
