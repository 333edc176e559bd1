package org.fenghuo.collectors.pcap.app;

import java.util.Map;
import java.util.TreeMap;

/**
 * Multisets of string keys ({@code key -> how many times}) as the conformance tests compare them:
 * ours against a reference decoder's. A null multiset counts as empty.
 */
public final class Multisets {
    private Multisets() {
    }

    /** How many elements {@code m} holds, repeats included. */
    public static long count(Map<String, Integer> m) {
        return m == null ? 0 : m.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** How many elements {@code a} and {@code b} have in common, repeats included. */
    public static long matched(Map<String, Integer> a, Map<String, Integer> b) {
        if (a == null || b == null) {
            return 0;
        }
        long n = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            n += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        return n;
    }

    /** The keys {@code a} holds more times than {@code b}, with how many more, sorted by key. */
    public static Map<String, Integer> difference(Map<String, Integer> a, Map<String, Integer> b) {
        return difference(a, b, Integer.MAX_VALUE);
    }

    /** As {@link #difference(Map, Map)}, but at most {@code limit} keys (the first in {@code a}'s order). */
    public static Map<String, Integer> difference(Map<String, Integer> a, Map<String, Integer> b, int limit) {
        Map<String, Integer> d = new TreeMap<>();
        if (a == null) {
            return d;
        }
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            int more = e.getValue() - (b == null ? 0 : b.getOrDefault(e.getKey(), 0));
            if (more > 0 && d.size() < limit) {
                d.put(e.getKey(), more);
            }
        }
        return d;
    }
}
