package org.fenghuo.collectors.netflow;

import java.util.HashMap;
import java.util.Map;
import org.fenghuo.events.ExtraTree;

/**
 * The {@code observer.ingress.interface.id} / {@code observer.egress.interface.id} subtree of a
 * flow event, built once per interface pair and shared: an exporter has few interfaces and every
 * record names two, so building the five nested levels per record would cost more than the rest of
 * its extra fields. Bounded: when full it starts again (a cache, not a record of anything).
 * Single-threaded, like the decoder that owns it.
 */
final class InterfaceTrees {
    static final int MAX_PAIRS = 4096;
    private static final long ALL_ONES = 0xFFFF_FFFFL;
    private final Map<Long, Map<String, Object>> byPair = new HashMap<>();

    /** The subtree for interface indexes {@code in} and {@code out} (negative: absent; not both). */
    Map<String, Object> of(long in, long out) {
        // IANA ingressInterface/egressInterface are unsigned32. Absent (-1) packs as 0xFFFFFFFF, so that one
        // index and any wider value (a template that lies about the length) are built, not cached
        if (in >= ALL_ONES || out >= ALL_ONES) {
            return build(in, out);
        }
        Long pair = (in & ALL_ONES) << 32 | (out & ALL_ONES);
        Map<String, Object> tree = byPair.get(pair);
        if (tree == null) {
            tree = build(in, out);
            if (byPair.size() >= MAX_PAIRS) {
                byPair.clear();
            }
            byPair.put(pair, tree);
        }
        return tree;
    }

    int size() {
        return byPair.size();
    }

    private static Map<String, Object> build(long in, long out) {
        ExtraTree observer = ExtraTree.create();
        if (in >= 0) {
            observer.child("ingress", 1).child("interface", 1).put("id", Long.toString(in));
        }
        if (out >= 0) {
            observer.child("egress", 1).child("interface", 1).put("id", Long.toString(out));
        }
        return observer.build();
    }
}
