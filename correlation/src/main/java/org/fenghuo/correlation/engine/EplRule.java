package org.fenghuo.correlation.engine;

import java.time.Duration;
import java.util.Objects;
import org.fenghuo.detection.alert.RuleInfo;

/**
 * A hand-written EPL statement (the built-in correlation pack) over the {@code Hit} stream. Each
 * row it outputs becomes an alert of {@code rule}; the row must have {@code time} (epoch millis, a
 * long) and {@code message} (a string).
 *
 * @param rule   what its alerts say about the rule
 * @param epl    one or more EPL statements (a module)
 * @param window its longest window: hits that recent are replayed into it on restore
 */
public record EplRule(RuleInfo rule, String epl, Duration window) {
    public EplRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(epl, "epl");
        Objects.requireNonNull(window, "window");
    }
}
