package org.fenghuo.detection.sigma.eval;

/**
 * A test on one scalar field value (String, Number, Boolean, Instant ...). Lists are unrolled by
 * the caller: a multi-valued field matches when one element does. Implementations are immutable.
 */
interface ValuePredicate {

    boolean test(Object value);

    /**
     * A literal (any case) every matching value contains, for the Aho-Corasick pre-filter; null when
     * there is none (regex, number, CIDR ...).
     */
    default String requiredLiteral() {
        return null;
    }

    /** Literals one of which every matching value contains (OR); null when none is known. */
    default java.util.List<String> requiredLiterals() {
        String l = requiredLiteral();
        return l == null || l.isEmpty() ? null : java.util.List.of(l);
    }

    /** The text of a non-string scalar, as Sigma compares everything as strings. */
    static String asText(Object value) {
        return value instanceof String s ? s : String.valueOf(value);
    }
}
