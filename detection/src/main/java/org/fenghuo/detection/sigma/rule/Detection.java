package org.fenghuo.detection.sigma.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule's {@code detection}: its search identifiers in document order, and its condition(s)
 * (several are OR-ed).
 */
public record Detection(Map<String, SearchIdentifier> identifiers, List<String> conditions, int conditionLine) {
    public Detection {
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        conditions = List.copyOf(conditions);
    }
}
