package org.fenghuo.detection.sigma.correlation;

import java.time.Instant;
import org.fenghuo.events.SecurityEvent;

/**
 * A Sigma rule matched an event: the input of {@link CorrelationEngine}. A correlation's
 * {@code rules} entry matches a hit by {@link #ruleId} or {@link #ruleName}.
 *
 * @param ruleId    the matching rule's {@code id}
 * @param ruleName  the matching rule's {@code name}; null when it has none
 * @param timestamp event time of the hit (normally the event's {@code @timestamp})
 * @param event     the matched event: group-by and value fields are read from it
 */
public record RuleHit(String ruleId, String ruleName, Instant timestamp, SecurityEvent event) {
    /** A hit at the event's own {@code @timestamp}. */
    public static RuleHit of(String ruleId, String ruleName, SecurityEvent event) {
        return new RuleHit(ruleId, ruleName, event.timestamp(), event);
    }
}
