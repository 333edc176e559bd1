package org.fenghuo.detection.sigma.correlation;

/**
 * Bounds on what {@link CorrelationEngine} keeps, so a flood of distinct group-by values or hits
 * cannot exhaust memory. What is dropped is counted in {@link CorrelationStats}.
 *
 * @param maxKeysPerCorrelation group-by keys kept per correlation; a new key beyond it evicts the least recently hit one
 * @param maxHitsPerKey         hits kept per key within the timespan; beyond it the oldest hit is dropped
 * @param maxEvidence           events of the window listed as an alert's evidence (the first ones)
 */
public record CorrelationLimits(int maxKeysPerCorrelation, int maxHitsPerKey, int maxEvidence) {
    /** 100,000 keys per correlation, 10,000 hits per key, 100 evidence events. */
    public static final CorrelationLimits DEFAULT = new CorrelationLimits(100_000, 10_000, 100);

    public CorrelationLimits {
        if (maxKeysPerCorrelation < 1 || maxHitsPerKey < 1 || maxEvidence < 1) {
            throw new IllegalArgumentException("correlation limits must be positive: " + maxKeysPerCorrelation + ", "
                    + maxHitsPerKey + ", " + maxEvidence);
        }
    }
}
