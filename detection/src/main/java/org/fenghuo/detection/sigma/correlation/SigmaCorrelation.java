package org.fenghuo.detection.sigma.correlation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One parsed, validated Sigma correlation document. Immutable.
 *
 * @param title     {@code title}
 * @param id        {@code id}; null when absent
 * @param name      {@code name}: how other correlations refer to it; null when absent
 * @param status    {@code status}; null when absent
 * @param level     {@code level} as written (informational ... critical); null when absent
 * @param version   {@code modified}, else {@code date}; null when neither
 * @param tags      {@code tags}
 * @param type      {@code correlation.type}
 * @param rules     {@code correlation.rules}: names or ids of rules or correlations, in order
 * @param groupBy   {@code correlation.group-by}: field names or alias names; empty = one group for all hits
 * @param timespan  {@code correlation.timespan}
 * @param condition {@code correlation.condition}; for the temporal types without one, {@code gte} the number of rules
 * @param aliases   {@code correlation.aliases}: alias name -> (rule reference -> field of that rule's events)
 * @param generate  {@code correlation.generate}: the referenced rules also alert on their own
 * @param location  where the document starts
 */
public record SigmaCorrelation(String title, String id, String name, String status, String level, String version,
        List<String> tags, CorrelationType type, List<String> rules, List<String> groupBy, Duration timespan,
        CorrelationCondition condition, Map<String, Map<String, String>> aliases, boolean generate,
        SourceLocation location) {

    public SigmaCorrelation {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }

    /** {@code rule.id} of its alerts: the id, else the name, else the title. */
    public String ruleId() {
        return id != null ? id : name != null ? name : title;
    }

    /** Whether {@code reference} (a rule id or name, as in {@code rules}) designates this correlation. */
    public boolean isReferencedBy(String reference) {
        return reference.equals(id) || reference.equals(name);
    }
}
