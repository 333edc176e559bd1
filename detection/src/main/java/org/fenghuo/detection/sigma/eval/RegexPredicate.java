package org.fenghuo.detection.sigma.eval;

import com.google.re2j.Pattern;

/** {@code |re}: an unanchored search with RE2J, linear in the value's length whatever the pattern. */
final class RegexPredicate implements ValuePredicate {
    private final Pattern pattern;
    private final java.util.List<String> literals;

    RegexPredicate(Pattern pattern) {
        this.pattern = pattern;
        this.literals = RegexLiterals.required(pattern.pattern());
    }

    @Override
    public java.util.List<String> requiredLiterals() {
        return literals;
    }

    @Override
    public boolean test(Object value) {
        return pattern.matcher(ValuePredicate.asText(value)).find();
    }
}
