package org.fenghuo.detection.sigma.condition;

import java.util.List;

/** A parsed rule condition, with {@code x of} already resolved to the identifiers it names. */
public sealed interface Condition {

    record And(List<Condition> operands) implements Condition {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Condition operand) implements Condition {
    }

    /** A search identifier of the detection. */
    record Ref(String identifier) implements Condition {
    }
}
