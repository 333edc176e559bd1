package org.fenghuo.correlation.elasticsearch;

import java.time.Duration;

/** Exponential backoff, doubling from an initial wait up to a ceiling; reset on success. */
final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    /** The wait to use now; the following call returns twice as much, up to the ceiling. */
    long nextMillis() {
        long current = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return current;
    }

    void reset() {
        nextMillis = initialMillis;
    }
}
