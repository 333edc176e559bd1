package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * One detection item on an event: the field (any of its ECS names) has a value matching one of
 * the predicates ({@code all}: every predicate matches some value). A list-valued field matches
 * when any element does. {@code negate} is {@code |neq}: the field is present and no value matches.
 */
final class FieldTest implements EventPredicate {
    private final EcsFieldPath[] paths;
    private final ValuePredicate[] predicates;
    private final boolean all;
    private final boolean negate;

    FieldTest(List<EcsFieldPath> paths, List<ValuePredicate> predicates, boolean all, boolean negate) {
        this.paths = paths.toArray(EcsFieldPath[]::new);
        this.predicates = (all ? predicates : withLiteralSets(predicates)).toArray(ValuePredicate[]::new);
        this.all = all;
        this.negate = negate;
    }

    /** Below this many literals of one anchoring the linear compares are as fast as hash probes. */
    static final int LITERAL_SET_MIN = 4;

    /**
     * Folds the case-insensitive plain equalities, prefixes and suffixes into one {@link LiteralSet}
     * per anchoring when there are enough of them; only for any-of tests, where the order and
     * grouping of the predicates is irrelevant.
     */
    static List<ValuePredicate> withLiteralSets(List<ValuePredicate> predicates) {
        java.util.Map<LiteralSet.Anchor, List<char[]>> byAnchor = new java.util.EnumMap<>(LiteralSet.Anchor.class);
        for (ValuePredicate p : predicates) {
            LiteralSet.Anchor a = p instanceof StringPredicate s ? s.anchor() : null;
            if (a != null) {
                byAnchor.computeIfAbsent(a, k -> new ArrayList<>()).add(((StringPredicate) p).foldedLiteral());
            }
        }
        byAnchor.values().removeIf(l -> l.size() < LITERAL_SET_MIN);
        if (byAnchor.isEmpty()) {
            return predicates;
        }
        List<ValuePredicate> out = new ArrayList<>();
        byAnchor.forEach((a, l) -> out.add(new LiteralSet(a, l)));
        for (ValuePredicate p : predicates) {
            LiteralSet.Anchor a = p instanceof StringPredicate s ? s.anchor() : null;
            if (a == null || !byAnchor.containsKey(a)) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public boolean test(SecurityEvent event) {
        if (negate) {
            boolean present = false;
            for (EcsFieldPath p : paths) {
                Object v = p.get(event);
                if (v != null) {
                    present = true;
                    for (ValuePredicate pred : predicates) {
                        if (matches(pred, v)) {
                            return false;
                        }
                    }
                }
            }
            return present;
        }
        if (!all) {
            for (EcsFieldPath p : paths) {
                Object v = p.get(event);
                if (v != null) {
                    for (ValuePredicate pred : predicates) {
                        if (matches(pred, v)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        for (ValuePredicate pred : predicates) {
            if (!anyPath(pred, event)) {
                return false;
            }
        }
        return true;
    }

    private boolean anyPath(ValuePredicate pred, SecurityEvent event) {
        for (EcsFieldPath p : paths) {
            Object v = p.get(event);
            if (v != null && matches(pred, v)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(ValuePredicate pred, Object value) {
        if (value instanceof String) {
            return pred.test(value); // the common case, before the costlier interface check below
        }
        if (value instanceof List<?> list) {
            for (int i = 0, n = list.size(); i < n; i++) {
                Object e = list.get(i);
                if (e != null && matches(pred, e)) {
                    return true;
                }
            }
            return false;
        }
        return pred.test(value);
    }

    private static int shortest(List<String> literals) {
        int n = Integer.MAX_VALUE;
        for (String l : literals) {
            n = Math.min(n, l.length());
        }
        return n;
    }

    @Override
    public List<LiteralAtom> necessaryAtoms() {
        if (negate) {
            return null;
        }
        List<String> literals = new ArrayList<>();
        if (all) {
            List<String> best = List.of("");
            for (ValuePredicate p : predicates) {
                List<String> l = p.requiredLiterals();
                if (l != null && shortest(l) > shortest(best)) {
                    best = l;
                }
            }
            literals.addAll(best);
        } else {
            for (ValuePredicate p : predicates) {
                List<String> l = p.requiredLiterals();
                if (l == null) {
                    literals.clear();
                    literals.add(""); // no literal for every value: at least the field must be there
                    break;
                }
                literals.addAll(l);
            }
        }
        List<LiteralAtom> atoms = new ArrayList<>();
        for (EcsFieldPath p : paths) {
            for (String l : literals) {
                atoms.add(new LiteralAtom(p.name(), l));
            }
        }
        return atoms;
    }
}
