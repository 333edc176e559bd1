package org.fenghuo.detection.sigma.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One {@code field|modifier|...: value(s)} of a search identifier, or a keyword list (field null).
 *
 * @param field     the Sigma field name as written, or null for a keyword (field-less) search
 * @param modifiers the modifiers in the order written (lower case)
 * @param values    String, Long, Double, Boolean or null (YAML null) values; OR-ed unless {@code all}
 * @param line      the line of the key (or of the keyword list)
 */
public record DetectionItem(String field, List<String> modifiers, List<Object> values, int line) {
    public DetectionItem {
        modifiers = List.copyOf(modifiers);
        // List.copyOf refuses nulls, and null is a meaningful Sigma value.
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
