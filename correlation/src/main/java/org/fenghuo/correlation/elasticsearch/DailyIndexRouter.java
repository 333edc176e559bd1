package org.fenghuo.correlation.elasticsearch;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Picks {@code prefix-yyyy.MM.dd} for a time that came from outside, or {@code prefix-out-of-range}
 * when it is missing, more than {@link #MAX_AGE} old or more than {@link #MAX_AHEAD} ahead of
 * the clock. A sender's time is not trusted to name indices: a few thousand records with crafted
 * years would create as many indices and exhaust the cluster's shard limit, after which nothing
 * could be stored.
 */
final class DailyIndexRouter implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Older times (e.g. an old log file ingested late) are kept together, not by day. */
    static final Duration MAX_AGE = Duration.ofDays(90);
    /** Clock skew allowance for senders ahead of us. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final String prefix;
    private final Clock clock;

    DailyIndexRouter(String prefix, Clock clock) {
        this.prefix = prefix;
        this.clock = clock;
    }

    String outOfRangeIndex() {
        return prefix + "-out-of-range";
    }

    String indexFor(Instant time) {
        Instant now = clock.instant();
        if (time == null || time.isBefore(now.minus(MAX_AGE)) || time.isAfter(now.plus(MAX_AHEAD))) {
            return outOfRangeIndex();
        }
        return DocumentIds.dailyIndex(prefix, time);
    }
}
