package org.fenghuo.correlation.engine.esper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.correlation.engine.PendingHits;

/**
 * Which (rule, group key) alerted when: after an alert a key stays quiet for one timespan, as in
 * detection's engine. Kept as data rather than EPL because it depends on hits older than any
 * window, which a replay does not have.
 */
final class Mutes {
    /** rule id -> group key -> time of its last alert. */
    private final Map<String, Map<String, Long>> fired = new HashMap<>();

    /** Whether {@code key} may alert at {@code t}; if so it is muted from now on. */
    boolean tryFire(String rule, String key, long t, long spanMillis) {
        Map<String, Long> m = fired.computeIfAbsent(rule, k -> new HashMap<>());
        Long last = m.get(key);
        if (last != null && t <= last + spanMillis) {
            return false;
        }
        m.put(key, t);
        return true;
    }

    /** Forgets the mutes of {@code rule} that no hit at or after {@code now} can meet. */
    void forget(String rule, long now, long spanMillis) {
        Map<String, Long> m = fired.get(rule);
        if (m != null) {
            m.values().removeIf(t -> t + spanMillis < now);
        }
    }

    /** The mutes of {@code rule} still in force at {@code now}, for a snapshot. */
    List<PendingHits.Mute> active(String rule, long now, long spanMillis) {
        List<PendingHits.Mute> out = new ArrayList<>();
        fired.getOrDefault(rule, Map.of()).forEach((key, t) -> {
            if (t + spanMillis >= now) {
                out.add(new PendingHits.Mute(rule, key, t));
            }
        });
        return out;
    }

    void restore(PendingHits.Mute m) {
        fired.computeIfAbsent(m.rule(), k -> new HashMap<>()).merge(m.groupKey(), m.firedMillis(), Math::max);
    }
}
