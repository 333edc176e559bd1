package org.fenghuo.collectors.pcap.app;

/**
 * Out-of-order TCP bytes held by all the streams of one capture together. Each stream has its own
 * bound; this one keeps many flows with holes (hostile or lossy traffic) from adding up to the
 * heap. When it is spent, a stream stops waiting for its hole: it reports the gap and goes on.
 */
final class HeldBudget {
    private final long max;
    private long used;

    HeldBudget(long max) {
        this.max = max;
    }

    /** Takes {@code cost} bytes if they fit. */
    boolean take(int cost) {
        if (used + cost > max) {
            return false;
        }
        used += cost;
        return true;
    }

    void give(int cost) {
        used -= cost;
    }

    long used() {
        return used;
    }
}
