package org.fenghuo.detection.sigma.correlation;

import java.util.Locale;

/** The correlation types of the Sigma correlation specification v2.1, with their spelling in YAML. */
public enum CorrelationType {
    /** Number of hits in the window. */
    EVENT_COUNT(false),
    /** Number of distinct values of {@code condition.field} in the window. */
    VALUE_COUNT(true),
    /** Every referenced rule hit within the window, in any order. */
    TEMPORAL(false),
    /** Every referenced rule hit within the window, in the order listed. */
    TEMPORAL_ORDERED(false),
    /** Sum of the numeric {@code condition.field} over the window. */
    VALUE_SUM(true),
    /** Average of the numeric {@code condition.field} over the window. */
    VALUE_AVG(true),
    /** A percentile ({@code condition.percentile}, default 50) of the numeric {@code condition.field}. */
    VALUE_PERCENTILE(true);

    private final boolean needsField;

    CorrelationType(boolean needsField) {
        this.needsField = needsField;
    }

    /** Whether the condition must name a {@code field}. */
    public boolean needsField() {
        return needsField;
    }

    /** Whether this is one of the two temporal types (condition optional, counts distinct rules). */
    public boolean isTemporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    /** Whether the field's values must be numbers (sum, average, percentile). */
    public boolean isNumeric() {
        return this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    /** The YAML spelling, e.g. {@code temporal_ordered}. */
    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type spelled {@code name} in YAML (exact, lower case), or null. */
    public static CorrelationType fromSigmaName(String name) {
        for (CorrelationType t : values()) {
            if (t.sigmaName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
