package org.fenghuo.detection.sigma.pipeline;

import java.util.Locale;

/**
 * A {@code rule_conditions} entry of type {@code logsource}: each of the three that is set must
 * equal the log source's (case-insensitive); one that is not set matches anything. As in pySigma,
 * a condition on a field the rule leaves out does not match.
 */
public record LogSourceCondition(String category, String product, String service) {

    public LogSourceCondition {
        category = lower(category);
        product = lower(product);
        service = lower(service);
    }

    /** {@code source} must already be lower case (see {@link Pipelines#normalise}). */
    boolean matches(LogSource source) {
        return same(category, source.category()) && same(product, source.product())
                && same(service, source.service());
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
