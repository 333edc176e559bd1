package org.fenghuo.detection.anomaly.volume;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One host: the open bucket (bytes, flows, its {@value #TOP} largest flows as evidence), the EWMA
 * baseline of closed buckets, and the timers that close the bucket and forget an idle host.
 */
public final class VolumeState implements Serializable {
    private static final long serialVersionUID = 1L;
    static final long NONE = Long.MIN_VALUE;
    static final int TOP = 10;

    long bucketStart = NONE;
    long bytes;
    int flows;
    final long[] topBytes = new long[TOP];
    final String[] topIds = new String[TOP];
    final String[] topPeers = new String[TOP];
    int topCount;

    double mean;
    double variance;
    long bucketsSeen;
    long lastClosedStart = NONE;
    long lastAlertMillis = NONE;
    long expiryTimer = NONE;

    /** Closed buckets so far, empty ones included (the warm-up counter). */
    public long bucketsSeen() {
        return bucketsSeen;
    }

    /** The baseline mean in bytes per bucket. */
    public double mean() {
        return mean;
    }

    /** Keeps the flow if it is among the {@value #TOP} largest of the bucket (sorted, largest first). */
    void offerTop(long flowBytes, String id, String peer) {
        if (topCount == TOP && flowBytes <= topBytes[TOP - 1]) {
            return;
        }
        int at = Math.min(topCount, TOP - 1);
        while (at > 0 && topBytes[at - 1] < flowBytes) {
            topBytes[at] = topBytes[at - 1];
            topIds[at] = topIds[at - 1];
            topPeers[at] = topPeers[at - 1];
            at--;
        }
        topBytes[at] = flowBytes;
        topIds[at] = id;
        topPeers[at] = peer;
        topCount = Math.min(topCount + 1, TOP);
    }

    /** Folds one closed bucket's bytes into the exponentially weighted mean and variance (West's update). */
    void fold(double x, double alpha) {
        if (bucketsSeen == 0) {
            mean = x;
            variance = 0;
        } else {
            double diff = x - mean;
            double increment = alpha * diff;
            mean += increment;
            variance = (1 - alpha) * (variance + diff * increment);
        }
        bucketsSeen++;
    }

    void clearBucket() {
        bucketStart = NONE;
        bytes = 0;
        flows = 0;
        topCount = 0;
        Arrays.fill(topIds, null);
        Arrays.fill(topPeers, null);
    }
}
