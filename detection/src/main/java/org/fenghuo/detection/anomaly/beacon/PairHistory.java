package org.fenghuo.detection.anomaly.beacon;

import java.io.Serializable;

/**
 * The newest connection starts of one (source, destination[, port]) pair, sorted, with their sizes
 * and event ids: at most {@code capacity} of each. Flows are reported when they end, so starts can
 * arrive out of order: each one is inserted in place.
 */
final class PairHistory implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Size unknown (the flow had no byte counts). */
    static final long NO_SIZE = -1;

    final String destinationIp;
    final Integer destinationPort;
    final long[] starts;
    final long[] sizes;
    final String[] ids;
    int size;
    /** Largest {@code @timestamp} of the pair's events: what expiry compares with the watermark. */
    long lastEventMillis = Long.MIN_VALUE;
    long lastAlertMillis = Long.MIN_VALUE;

    PairHistory(String destinationIp, Integer destinationPort, int capacity) {
        this.destinationIp = destinationIp;
        this.destinationPort = destinationPort;
        this.starts = new long[capacity];
        this.sizes = new long[capacity];
        this.ids = new String[capacity];
    }

    /** Adds a connection; when full, the oldest start goes (or the new one, if it is older than all kept). */
    void add(long start, long bytes, String id) {
        if (size == starts.length) {
            if (start < starts[0]) {
                return;
            }
            System.arraycopy(starts, 1, starts, 0, size - 1);
            System.arraycopy(sizes, 1, sizes, 0, size - 1);
            System.arraycopy(ids, 1, ids, 0, size - 1);
            size--;
        }
        int at = size;
        while (at > 0 && starts[at - 1] > start) {
            at--;
        }
        System.arraycopy(starts, at, starts, at + 1, size - at);
        System.arraycopy(sizes, at, sizes, at + 1, size - at);
        System.arraycopy(ids, at, ids, at + 1, size - at);
        starts[at] = start;
        sizes[at] = bytes;
        ids[at] = id;
        size++;
    }

    /** Index of the first start within {@code windowMillis} of the newest. */
    int firstInWindow(long windowMillis) {
        long from = starts[size - 1] - windowMillis;
        int i = 0;
        while (i < size && starts[i] < from) {
            i++;
        }
        return i;
    }
}
