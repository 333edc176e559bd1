package org.fenghuo.detection.sigma.eval;

import java.util.List;
import org.fenghuo.events.SecurityEvent;

/** A compiled piece of a rule, tested on one event. Immutable, thread-safe, allocation-free where it can be. */
public interface EventPredicate {

    boolean test(SecurityEvent event);

    /**
     * Atoms one of which must hold for this predicate to hold; null when no such finite set is
     * known (a negation, an absent-field test ...).
     */
    List<LiteralAtom> necessaryAtoms();

    /**
     * {@code literal} occurs (case-folded) in the value of ECS field {@code field}; an empty literal
     * only says the field is present (a regex, a number, a CIDR test needs a value to test).
     */
    record LiteralAtom(String field, String literal) {
        boolean presenceOnly() {
            return literal.isEmpty();
        }
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
