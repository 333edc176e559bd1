package org.fenghuo.detection.anomaly.scan;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fenghuo.detection.anomaly.support.ExpiryTimer;

/**
 * One source's probes: per group (a port for horizontal, a host for vertical) the distinct
 * targets with when each was last probed, oldest first. Bounded: at most {@code maxGroups}
 * groups of at most {@code maxTargets} targets; what does not fit is counted.
 */
public final class ScanState implements Serializable {
    private static final long serialVersionUID = 1L;

    /** When a target was last probed, and by which event (evidence). */
    record Seen(long millis, String eventId) implements Serializable {
    }

    /** Targets of one group in last-probed order (re-inserted on each probe). */
    static final class Group implements Serializable {
        private static final long serialVersionUID = 1L;
        final LinkedHashMap<String, Seen> targets = new LinkedHashMap<>();
        /** Probes of targets not kept because the group was full (may repeat a target). */
        long notKept;

        /** Forgets targets last probed at or before {@code cutoff}. */
        void prune(long cutoff) {
            Iterator<Seen> it = targets.values().iterator();
            while (it.hasNext() && it.next().millis() <= cutoff) {
                it.remove();
            }
            if (targets.isEmpty()) {
                notKept = 0;
            }
        }
    }

    /** Access-ordered, so the least recently probed group is the first to go when full. */
    final LinkedHashMap<String, Group> groups = new LinkedHashMap<>(16, 0.75f, true);
    long groupsDropped;
    long suppressedUntil = Long.MIN_VALUE;
    final ExpiryTimer timer = new ExpiryTimer();

    /** The group, created (dropping the least recently probed one when {@code maxGroups} are held). */
    Group group(String name, int maxGroups) {
        Group g = groups.get(name);
        if (g == null) {
            if (groups.size() >= maxGroups) {
                Iterator<Map.Entry<String, Group>> eldest = groups.entrySet().iterator();
                eldest.next();
                eldest.remove();
                groupsDropped++;
            }
            g = new Group();
            groups.put(name, g);
        }
        return g;
    }

    /** Targets held over all groups (for tests and bounds). */
    public int targetsHeld() {
        int n = 0;
        for (Group g : groups.values()) {
            n += g.targets.size();
        }
        return n;
    }

    public int groupsHeld() {
        return groups.size();
    }
}
