package org.fenghuo.correlation.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fenghuo.detection.anomaly.support.AddressSet;

/**
 * Suppression and deduplication for the rules whose id matches {@code rule}: an exact id
 * ({@code 5f1c...}, {@code fenghuo.anomaly.brute_force}) or a glob ({@code *} any run of
 * characters, {@code ?} one), e.g. {@code fenghuo.anomaly.*}, {@code fenghuo.ioc.*}.
 *
 * @param rule             the rule id or glob; {@code *} alone is the default
 * @param dedupWindow      same rule and same entities within this of an accepted alert: a duplicate (0 = off)
 * @param suppressFor      after an accepted alert of the rule for a primary entity, its further alerts are suppressed this long (0 = off)
 * @param suppressEntities addresses, CIDR blocks, user or host names whose alerts of the rule are suppressed
 */
public record SuppressionRule(String rule, Duration dedupWindow, Duration suppressFor, List<String> suppressEntities) {

    /** The shipped default: duplicates within 5 minutes folded, no suppression, no allowlist. */
    public static SuppressionRule defaults() {
        return new SuppressionRule("*", Duration.ofMinutes(5), Duration.ZERO, List.of());
    }

    /** @throws ConfigException naming each bad value */
    public SuppressionRule {
        List<String> problems = new ArrayList<>();
        if (rule == null || rule.isBlank()) {
            problems.add("rule = " + rule + ": expected a rule id or glob");
        }
        if (dedupWindow == null || dedupWindow.isNegative()) {
            problems.add("dedup_window = " + dedupWindow + ": expected a duration >= 0");
        }
        if (suppressFor == null || suppressFor.isNegative()) {
            problems.add("suppress_for = " + suppressFor + ": expected a duration >= 0");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("suppression rule " + rule, problems);
        }
        rule = rule.trim();
        suppressEntities = suppressEntities == null ? List.of() : List.copyOf(suppressEntities);
    }

    public boolean isGlob() {
        return rule.indexOf('*') >= 0 || rule.indexOf('?') >= 0;
    }

    /** Whether this applies to {@code ruleId}. */
    public boolean matches(String ruleId) {
        if (!isGlob()) {
            return rule.equals(ruleId);
        }
        return ruleId != null && glob(rule).matcher(ruleId).matches();
    }

    /** Higher is more specific: an exact id beats every glob; among globs, more literal characters win. */
    int specificity() {
        if (!isGlob()) {
            return Integer.MAX_VALUE;
        }
        return rule.replace("*", "").replace("?", "").length();
    }

    /** The allowlist as addresses and blocks (names are in {@link #suppressedNames()}). */
    AddressSet suppressedAddresses() {
        return AddressSet.of(suppressEntities.stream().filter(AddressSet::isValid).toList());
    }

    /** The allowlist entries that are not addresses: user and host names, lower case. */
    List<String> suppressedNames() {
        return suppressEntities.stream().filter(e -> !AddressSet.isValid(e)).map(e -> e.toLowerCase(Locale.ROOT)).toList();
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
