package org.fenghuo.detection.sigma.pipeline;

import java.util.Locale;

/**
 * A {@code rule_conditions} entry. Type {@code logsource}: each of the three that is set must
 * equal the log source's (case-insensitive); one that is not set matches anything. As in pySigma,
 * a condition on a field the rule leaves out does not match. Type {@code unmapped}
 * ({@code unmapped} true, no parts): no item of any pipeline has applied to the log source yet,
 * which lets a last, catch-all pipeline give conditions to log sources nobody else knows.
 */
public record LogSourceCondition(String category, String product, String service, boolean unmapped) {

    public LogSourceCondition {
        category = lower(category);
        product = lower(product);
        service = lower(service);
    }

    public LogSourceCondition(String category, String product, String service) {
        this(category, product, service, false);
    }

    /** The {@code unmapped} condition. */
    public static LogSourceCondition unmappedSoFar() {
        return new LogSourceCondition(null, null, null, true);
    }

    /**
     * {@code source} must already be lower case (see {@link Pipelines#normalise}); {@code mapped}:
     * whether an item has already applied to it.
     */
    boolean matches(LogSource source, boolean mapped) {
        if (unmapped) {
            return !mapped;
        }
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
