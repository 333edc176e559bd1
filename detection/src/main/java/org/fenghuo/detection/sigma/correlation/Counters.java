package org.fenghuo.detection.sigma.correlation;

/** The mutable counters behind {@link CorrelationStats}; single-threaded like the engine. */
final class Counters {
    long hits;
    long unreferenced;
    long untimed;
    long outOfOrder;
    long missingGroupBy;
    long missingValue;
    long suppressed;
    long alerts;
    long emitted;
    long keyEvictions;
    long hitEvictions;
    long expiredKeys;
    long lateBufferOverflows;

    CorrelationStats snapshot(long keys) {
        return new CorrelationStats(hits, unreferenced, untimed, outOfOrder, missingGroupBy, missingValue, suppressed,
                alerts, emitted, keyEvictions, hitEvictions, expiredKeys, lateBufferOverflows, keys);
    }
}
