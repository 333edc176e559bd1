package org.fenghuo.detection.sigma.eval;

import java.util.List;
import org.fenghuo.events.SecurityEvent;

/** A compiled piece of a rule, tested on one event. Immutable, thread-safe, allocation-free where it can be. */
public interface EventPredicate {

    boolean test(SecurityEvent event);

    /**
     * Literal atoms one of which must occur (case-folded) in its field for this predicate to hold;
     * null when no such finite set is known (a negation, a regex, a number ...).
     */
    List<LiteralAtom> necessaryAtoms();

    /** {@code literal} occurs in the value of ECS field {@code field}. */
    record LiteralAtom(String field, String literal) {
    }

    static EventPredicate and(List<EventPredicate> ops) {
        return ops.size() == 1 ? ops.get(0) : new Logic.And(ops.toArray(EventPredicate[]::new));
    }

    static EventPredicate or(List<EventPredicate> ops) {
        return ops.size() == 1 ? ops.get(0) : new Logic.Or(ops.toArray(EventPredicate[]::new));
    }

    static EventPredicate not(EventPredicate op) {
        return new Logic.Not(op);
    }
}
