package org.fenghuo.detection.sigma.correlation;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what {@link CorrelationEngine} keeps, so a flood of distinct group-by values or hits
 * cannot exhaust memory, and how late a hit may arrive. What is dropped is counted in
 * {@link CorrelationStats}.
 *
 * @param maxKeysPerCorrelation group-by keys kept per correlation; a new key beyond it evicts the least recently hit one
 * @param maxHitsPerKey         hits kept per key within the timespan; beyond it the oldest hit is dropped
 * @param maxEvidence           events of the window listed as an alert's evidence (the first ones)
 * @param allowedLateness       how far behind the newest hit seen a hit may arrive and still count: hits are
 *                              held back that long and fed to the windows in time order (syslog from several hosts
 *                              is slightly out of order); zero (the default) feeds each hit at once and drops any
 *                              older than the clock. Alerts come that much later in event time
 * @param maxBufferedHits       hits held back for the lateness; beyond it the oldest is fed at once (counted
 *                              {@link CorrelationStats#lateBufferOverflows()}), which moves the clock past it
 */
public record CorrelationLimits(int maxKeysPerCorrelation, int maxHitsPerKey, int maxEvidence,
        Duration allowedLateness, int maxBufferedHits) {
    /** 100,000 keys per correlation, 10,000 hits per key, 100 evidence events, no lateness, 100,000 held back hits. */
    public static final CorrelationLimits DEFAULT = new CorrelationLimits(100_000, 10_000, 100);

    public CorrelationLimits {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        if (maxKeysPerCorrelation < 1 || maxHitsPerKey < 1 || maxEvidence < 1 || maxBufferedHits < 1) {
            throw new IllegalArgumentException("correlation limits must be positive: " + maxKeysPerCorrelation + ", "
                    + maxHitsPerKey + ", " + maxEvidence + ", " + maxBufferedHits);
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must not be negative: " + allowedLateness);
        }
    }

    /** No lateness (hits must come in time order), at most 100,000 held back hits should it be set. */
    public CorrelationLimits(int maxKeysPerCorrelation, int maxHitsPerKey, int maxEvidence) {
        this(maxKeysPerCorrelation, maxHitsPerKey, maxEvidence, Duration.ZERO, 100_000);
    }

    /** These limits with {@code lateness} allowed. */
    public CorrelationLimits withAllowedLateness(Duration lateness) {
        return new CorrelationLimits(maxKeysPerCorrelation, maxHitsPerKey, maxEvidence, lateness, maxBufferedHits);
    }
}
