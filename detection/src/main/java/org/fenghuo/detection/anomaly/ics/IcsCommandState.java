package org.fenghuo.detection.anomaly.ics;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fenghuo.detection.anomaly.support.ExpiryTimer;

/**
 * One source's suppression: per (destination, protocol, function) the time its alert stops
 * suppressing repeats, in insertion order (= time order). At most {@code maxSuppressed} entries.
 */
public final class IcsCommandState implements Serializable {
    private static final long serialVersionUID = 1L;

    final LinkedHashMap<String, Long> suppressedUntil = new LinkedHashMap<>();
    /** Commands not alerted because an alert for the same signature was recent. */
    long suppressed;
    /** Entries dropped because the map was full. */
    long dropped;
    final ExpiryTimer timer = new ExpiryTimer();

    void prune(long now) {
        Iterator<Long> it = suppressedUntil.values().iterator();
        while (it.hasNext() && it.next() <= now) {
            it.remove();
        }
    }

    /** Stores the entry; true when the eldest had to go to make room. */
    boolean put(String signature, long until, int max) {
        boolean full = suppressedUntil.size() >= max;
        if (full) {
            Iterator<Map.Entry<String, Long>> eldest = suppressedUntil.entrySet().iterator();
            eldest.next();
            eldest.remove();
            dropped++;
        }
        suppressedUntil.put(signature, until);
        return full;
    }

    public int entriesHeld() {
        return suppressedUntil.size();
    }
}
