package org.fenghuo.detection.anomaly.beacon;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Per source address: its pairs (at most {@link BeaconConfig#maxPairsPerSource()}) and its expiry timer. */
public final class BeaconState implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long NONE = Long.MIN_VALUE;

    final Map<String, PairHistory> pairs = new HashMap<>();
    long lastEventMillis = NONE;
    long timerMillis = NONE;

    /** Pairs tracked now (for tests and metrics). */
    public int pairCount() {
        return pairs.size();
    }

    /** Drops the pair with the fewest starts, the longest idle among equals; returns whether one went. */
    boolean evictOne() {
        String victim = null;
        PairHistory worst = null;
        for (Map.Entry<String, PairHistory> e : pairs.entrySet()) {
            PairHistory p = e.getValue();
            if (worst == null || p.size < worst.size
                    || (p.size == worst.size && p.lastEventMillis < worst.lastEventMillis)) {
                worst = p;
                victim = e.getKey();
            }
        }
        return victim != null && pairs.remove(victim) != null;
    }

    /** Forgets pairs with no event since {@code cutoffMillis}. */
    void pruneIdle(long cutoffMillis) {
        for (Iterator<PairHistory> it = pairs.values().iterator(); it.hasNext();) {
            if (it.next().lastEventMillis <= cutoffMillis) {
                it.remove();
            }
        }
    }
}
