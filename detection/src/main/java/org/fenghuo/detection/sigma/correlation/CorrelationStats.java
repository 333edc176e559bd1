package org.fenghuo.detection.sigma.correlation;

/**
 * Counters of a {@link CorrelationEngine} since it was built (a snapshot).
 *
 * @param hits            hits accepted
 * @param unreferenced    hits no correlation refers to
 * @param untimed         hits without a timestamp or an event, dropped
 * @param outOfOrder      hits older than the engine's clock (watermark, or latest hit minus the allowed lateness), dropped
 * @param missingGroupBy  (hit, correlation) pairs skipped: a group-by field is absent from the event
 * @param missingValue    (hit, correlation) pairs skipped: the condition field is absent or not a number
 * @param suppressed      (hit, correlation) pairs not evaluated because the key alerted less than a timespan ago
 * @param alerts          correlations that matched (including chained ones that emit no alert)
 * @param emitted         alerts published
 * @param keyEvictions    keys evicted because a correlation reached {@link CorrelationLimits#maxKeysPerCorrelation}
 * @param hitEvictions    hits dropped because a key reached {@link CorrelationLimits#maxHitsPerKey}
 * @param expiredKeys     keys forgotten after a timespan without hits
 * @param lateBufferOverflows hits fed before their lateness had passed because
 *                        {@link CorrelationLimits#maxBufferedHits} were held back
 * @param keys            keys held now, over all correlations
 */
public record CorrelationStats(long hits, long unreferenced, long untimed, long outOfOrder, long missingGroupBy,
        long missingValue, long suppressed, long alerts, long emitted, long keyEvictions, long hitEvictions,
        long expiredKeys, long lateBufferOverflows, long keys) {
}
