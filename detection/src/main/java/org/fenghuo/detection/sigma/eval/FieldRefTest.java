package org.fenghuo.detection.sigma.eval;

import java.util.List;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * {@code field|fieldref: other}: the two fields hold an equal value (case-insensitive unless
 * cased; for lists, any pair). {@code negate} with {@code |neq}.
 */
record FieldRefTest(EcsFieldPath[] paths, EcsFieldPath[] others, boolean cased, boolean negate)
        implements EventPredicate {
    @Override
    public boolean test(SecurityEvent event) {
        boolean equal = false;
        boolean bothPresent = false;
        for (EcsFieldPath p : paths) {
            Object a = p.get(event);
            for (EcsFieldPath o : others) {
                Object b = o.get(event);
                if (a != null && b != null) {
                    bothPresent = true;
                    equal |= anyEqual(a, b);
                }
            }
        }
        return negate ? bothPresent && !equal : equal;
    }

    private boolean anyEqual(Object a, Object b) {
        if (a instanceof List<?> la) {
            for (Object x : la) {
                if (x != null && anyEqual(x, b)) {
                    return true;
                }
            }
            return false;
        }
        if (b instanceof List<?> lb) {
            for (Object y : lb) {
                if (y != null && anyEqual(a, y)) {
                    return true;
                }
            }
            return false;
        }
        String sa = ValuePredicate.asText(a);
        String sb = ValuePredicate.asText(b);
        return cased ? sa.equals(sb) : sa.equalsIgnoreCase(sb);
    }

    @Override
    public List<LiteralAtom> necessaryAtoms() {
        return negate ? null : java.util.Arrays.stream(paths).map(p -> new LiteralAtom(p.name(), "")).toList();
    }
}
