package org.fenghuo.detection.sigma.eval;

import java.util.List;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * {@code field: null} (absent under all its names: {@code present} false) and
 * {@code field|exists: true/false}.
 */
record PresenceTest(EcsFieldPath[] paths, boolean present) implements EventPredicate {
    @Override
    public boolean test(SecurityEvent event) {
        for (EcsFieldPath p : paths) {
            if (p.get(event) != null) {
                return present;
            }
        }
        return !present;
    }

    @Override
    public List<LiteralAtom> necessaryAtoms() {
        return present ? java.util.Arrays.stream(paths).map(p -> new LiteralAtom(p.name(), "")).toList() : null;
    }
}
