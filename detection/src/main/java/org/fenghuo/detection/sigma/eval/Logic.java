package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.SecurityEvent;

/** The boolean connectives of a compiled condition. */
final class Logic {
    private Logic() {
    }

    record And(EventPredicate[] ops) implements EventPredicate {
        @Override
        public boolean test(SecurityEvent event) {
            for (EventPredicate op : ops) {
                if (!op.test(event)) {
                    return false;
                }
            }
            return true;
        }

        /** Any operand's atoms are necessary for the conjunction; take the most selective set. */
        @Override
        public List<LiteralAtom> necessaryAtoms() {
            List<LiteralAtom> best = null;
            for (EventPredicate op : ops) {
                List<LiteralAtom> atoms = op.necessaryAtoms();
                if (atoms != null && (best == null || score(atoms) > score(best))) {
                    best = atoms;
                }
            }
            return best;
        }

        /** Fewer and longer literals are hit less often. */
        private static double score(List<LiteralAtom> atoms) {
            int shortest = Integer.MAX_VALUE;
            for (LiteralAtom a : atoms) {
                shortest = Math.min(shortest, a.literal().length());
            }
            return Math.min(shortest, 8) - Math.log(atoms.size());
        }
    }

    record Or(EventPredicate[] ops) implements EventPredicate {
        @Override
        public boolean test(SecurityEvent event) {
            for (EventPredicate op : ops) {
                if (op.test(event)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public List<LiteralAtom> necessaryAtoms() {
            List<LiteralAtom> all = new ArrayList<>();
            for (EventPredicate op : ops) {
                List<LiteralAtom> atoms = op.necessaryAtoms();
                if (atoms == null) {
                    return null;
                }
                all.addAll(atoms);
            }
            return all;
        }
    }

    record Not(EventPredicate op) implements EventPredicate {
        @Override
        public boolean test(SecurityEvent event) {
            return !op.test(event);
        }

        @Override
        public List<LiteralAtom> necessaryAtoms() {
            return null;
        }
    }
}
