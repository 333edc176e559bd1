package org.fenghuo.correlation.engine.esper;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.fenghuo.detection.sigma.correlation.GroupKeys;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * The {@code Hit} event type of the EPL statements: a rule hit with getters Esper reads as
 * properties ({@code ruleId}, {@code ruleName}, {@code time}, {@code severity}) and mapped
 * properties for fields of the event ({@code field('source.ip')}, {@code number('source.bytes')},
 * {@code tuple('source.ip|user.name')}). Public only because Esper's generated code calls it.
 */
public final class HitEvent {

    /** Field names come from a few rules: resolve each once, not per hit and statement. */
    private static final Map<String, EcsFieldPath> PATHS = new ConcurrentHashMap<>();

    private final RuleHit hit;
    private final long time;
    private final String target;

    /**
     * @param hit    the hit
     * @param time   its event time, epoch millis
     * @param target null for a live hit; during a replay the one rule id it is replayed into
     */
    HitEvent(RuleHit hit, long time, String target) {
        this.hit = Objects.requireNonNull(hit, "hit");
        this.time = time;
        this.target = target;
    }

    public RuleHit hit() {
        return hit;
    }

    public String getRuleId() {
        return hit.ruleId();
    }

    public String getRuleName() {
        return hit.ruleName();
    }

    public long getTime() {
        return time;
    }

    public String getTarget() {
        return target;
    }

    public SecurityEvent getEvent() {
        return hit.event();
    }

    /** {@code event.severity} (the source's number), or null. */
    public Integer getSeverity() {
        return hit.event().event() == null ? null : hit.event().event().severity();
    }

    /** The field's value as text (lists as their whole list, like detection's engine), or null. */
    public String getField(String name) {
        Object v = path(name).get(hit.event());
        return v == null ? null : v.toString();
    }

    /** The field as a number (a number, or text holding a finite one), or null. */
    public Double getNumber(String name) {
        Object v = path(name).get(hit.event());
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static EcsFieldPath path(String name) {
        return PATHS.computeIfAbsent(name, EcsFieldPath::of);
    }

    /**
     * The values of the {@code |}-separated fields joined as detection's engine joins them
     * ({@link GroupKeys}, values escaped), so keys read the same; null when one is absent.
     */
    public String getTuple(String names) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder k = new StringBuilder();
        int start = 0;
        while (true) {
            int end = names.indexOf('|', start);
            String v = getField(end < 0 ? names.substring(start) : names.substring(start, end));
            if (v == null) {
                return null;
            }
            if (start > 0) {
                k.append(GroupKeys.SEPARATOR);
            }
            GroupKeys.append(k, v);
            if (end < 0) {
                return k.toString();
            }
            start = end + 1;
        }
    }
}
