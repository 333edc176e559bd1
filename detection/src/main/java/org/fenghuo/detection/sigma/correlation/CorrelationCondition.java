package org.fenghuo.detection.sigma.correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code condition} map of a correlation: a range (optional lower and upper bound, each
 * inclusive or not) or an {@code eq}/{@code neq}, plus the {@code field}s the value types read and the
 * {@code percentile} of {@code value_percentile}.
 *
 * @param lower          lower bound ({@code gt}/{@code gte}); null when none
 * @param lowerInclusive {@code gte} rather than {@code gt}
 * @param upper          upper bound ({@code lt}/{@code lte}); null when none
 * @param upperInclusive {@code lte} rather than {@code lt}
 * @param eq             {@code eq}; null when none
 * @param neq            {@code neq}; null when none
 * @param fields         {@code field}: one name, or several for {@code value_count} (distinct tuples); empty when none
 * @param percentile     {@code percentile} (0-100) for {@code value_percentile}; null elsewhere
 */
public record CorrelationCondition(Double lower, boolean lowerInclusive, Double upper, boolean upperInclusive,
        Double eq, Double neq, List<String> fields, Integer percentile) {

    public CorrelationCondition {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** {@code gte: n}, the default of the temporal types with n = the number of rules. */
    public static CorrelationCondition atLeast(double n) {
        return new CorrelationCondition(n, true, null, false, null, null, List.of(), null);
    }

    /** Whether {@code measure} (a count, sum, average or percentile) satisfies every bound. */
    public boolean test(double measure) {
        if (lower != null && (lowerInclusive ? measure < lower : measure <= lower)) {
            return false;
        }
        if (upper != null && (upperInclusive ? measure > upper : measure >= upper)) {
            return false;
        }
        if (eq != null && measure != eq) {
            return false;
        }
        return neq == null || measure != neq;
    }

    /** The bounds as an analyst reads them: {@code > 100 and <= 200}. */
    public String describe() {
        List<String> parts = new ArrayList<>(2);
        if (lower != null) {
            parts.add((lowerInclusive ? ">= " : "> ") + number(lower));
        }
        if (upper != null) {
            parts.add((upperInclusive ? "<= " : "< ") + number(upper));
        }
        if (eq != null) {
            parts.add("= " + number(eq));
        }
        if (neq != null) {
            parts.add("!= " + number(neq));
        }
        return String.join(" and ", parts);
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
