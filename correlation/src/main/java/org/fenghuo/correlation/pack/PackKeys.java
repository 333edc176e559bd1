package org.fenghuo.correlation.pack;

import org.fenghuo.detection.sigma.correlation.RuleHit;

/**
 * The key to partition the pack's hits by when the correlation operator runs with parallelism above
 * one: every rule joins hits that agree on it, so all hits one rule may join meet in one subtask.
 * It is {@code source.ip}, except for the remote-session mark, whose {@code destination.ip} (the
 * engineering host) is what the ICS writes' {@code source.ip} is joined with.
 */
public final class PackKeys {
    /** Hits without an address: all in one partition (they cannot join anything of the pack). */
    public static final String NONE = "";

    private PackKeys() {
    }

    public static String of(RuleHit hit) {
        var e = hit.event();
        if (MarkerHits.REMOTE_SESSION.equals(hit.ruleId())) {
            return e.destination() == null || e.destination().ip() == null ? NONE : e.destination().ip();
        }
        return e.source() == null || e.source().ip() == null ? NONE : e.source().ip();
    }
}
