package org.fenghuo.detection.sigma.pipeline;

import java.util.List;

/**
 * One entry of {@code transformations:}: a transformation applied to the log sources its
 * conditions select (all of them, or any with {@code rule_cond_op: or}; none: every log source).
 */
public record ProcessingItem(String id, Transformation transformation, List<LogSourceCondition> conditions,
        boolean anyCondition) {

    public ProcessingItem {
        conditions = List.copyOf(conditions);
    }

    /** {@code mapped}: whether an earlier item applied to the log source (for {@code unmapped}). */
    boolean appliesTo(LogSource lowerCased, boolean mapped) {
        if (conditions.isEmpty()) {
            return true;
        }
        for (LogSourceCondition c : conditions) {
            if (c.matches(lowerCased, mapped) == anyCondition) {
                return anyCondition;
            }
        }
        return !anyCondition;
    }
}
