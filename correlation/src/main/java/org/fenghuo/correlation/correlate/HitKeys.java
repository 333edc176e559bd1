package org.fenghuo.correlation.correlate;

import org.apache.flink.api.java.functions.KeySelector;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.SecurityEvent;

/**
 * Partitions hits by their primary entity: {@code source.ip}, else {@code user.name}, else
 * {@code host.name}, else one constant partition. A correlation grouping by one of these sees all
 * its hits in one subtask; one grouping by anything else sees, per group, only the hits of one
 * partition (see the README).
 */
public final class HitKeys implements KeySelector<RuleHit, String> {
    private static final long serialVersionUID = 1L;

    /** The key of hits with none of the entity fields (all go to one subtask). */
    public static final String NO_ENTITY = "";

    @Override
    public String getKey(RuleHit hit) {
        return of(hit);
    }

    /** The partition key of {@code hit}; prefixed by the field, so an IP never collides with a user named like it. */
    public static String of(RuleHit hit) {
        SecurityEvent e = hit.event();
        if (e == null) {
            return NO_ENTITY;
        }
        if (e.source() != null && present(e.source().ip())) {
            return "source.ip=" + e.source().ip();
        }
        if (e.user() != null && present(e.user().name())) {
            return "user.name=" + e.user().name();
        }
        if (e.host() != null && present(e.host().name())) {
            return "host.name=" + e.host().name();
        }
        return NO_ENTITY;
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }
}
