package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One open deduplication or suppression window, as data.
 *
 * @param kind      {@code dedup} (key: rule + all entities) or {@code suppress} (key: rule + primary entity)
 * @param groupKey  the alert's {@link IncidentBuilder#groupKey group key}: every entry belongs to one
 * @param ruleId    {@code rule.id}
 * @param entityKey the entities the window is for
 * @param alertId   the accepted alert that opened it
 * @param at        that alert's {@code @timestamp}
 * @param until     end of the window (exclusive); the entry is dropped once the watermark reaches it
 */
public record SuppressionEntry(String kind, String groupKey, String ruleId, String entityKey, String alertId,
        Instant at, Instant until) {
    public static final String DEDUP = "dedup";
    public static final String SUPPRESS = "suppress";

    public SuppressionEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(entityKey, "entityKey");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(until, "until");
    }

    String key() {
        return key(kind, ruleId, entityKey);
    }

    static String key(String kind, String ruleId, String entityKey) {
        return kind + '\u0000' + ruleId + '\u0000' + entityKey;
    }
}
