package org.fenghuo.detection.anomaly.beacon;

import java.util.Arrays;

/**
 * Robust spread of a sample: median and median absolute deviation (MAD). Chosen over the
 * coefficient of variation because one missed or one extra connection (a beacon that slept through
 * a beat, a user opening the same site once) moves a standard deviation a lot and a MAD not at all:
 * up to half the intervals may be outliers.
 */
final class Regularity {
    private Regularity() {
    }

    /** Median of the first {@code n} values (sorts them in place). */
    static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Median and MAD / median of a sample. */
    record Spread(double median, double madRatio) {
    }

    /**
     * Of the first {@code n} values (overwritten); the ratio is {@code +Infinity} when the median is
     * not positive (no scale to compare the deviation with).
     */
    static Spread of(double[] values, int n) {
        double median = median(values, n);
        if (!(median > 0)) {
            return new Spread(median, Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < n; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        return new Spread(median, median(values, n) / median);
    }
}
