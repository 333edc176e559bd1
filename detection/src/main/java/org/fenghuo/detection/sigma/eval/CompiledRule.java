package org.fenghuo.detection.sigma.eval;

import java.util.List;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.events.SecurityEvent;

/**
 * A rule ready to run: its matcher, the log-source conditions an event must meet, and the
 * suppressions (global filters, analysts' exceptions) that veto a match.
 *
 * @param <R> what the caller attaches (the parsed rule and its alert metadata)
 */
public record CompiledRule<R>(R rule, LogSourceMapping mapping, EventPredicate matcher,
        List<EventPredicate> suppressions) {
    public CompiledRule {
        suppressions = List.copyOf(suppressions);
    }

    /** Matches and is not suppressed; log-source conditions are the caller's (the index's) job. */
    public boolean matches(SecurityEvent event) {
        if (!matcher.test(event)) {
            return false;
        }
        for (EventPredicate s : suppressions) {
            if (s.test(event)) {
                return false;
            }
        }
        return true;
    }

    public CompiledRule<R> withSuppression(EventPredicate suppression) {
        List<EventPredicate> all = new java.util.ArrayList<>(suppressions);
        all.add(suppression);
        return new CompiledRule<>(rule, mapping, matcher, all);
    }
}
