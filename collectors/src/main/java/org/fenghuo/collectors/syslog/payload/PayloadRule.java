package org.fenghuo.collectors.syslog.payload;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the payload-parser configuration: offer a message to {@code parser} when every
 * condition that is set holds. Bound from YAML by the edge collector; rules are tried in order
 * and the first parser that does not answer {@link PayloadResult.NotMine} wins.
 *
 * @param parser  a name known to the {@link PayloadParserRegistry}, e.g. {@code cef}
 * @param host    glob ({@code *}, {@code ?}, case-insensitive) on the header's HOSTNAME, or null for any
 * @param appName glob on APP-NAME / TAG, or null for any
 * @param pattern searched for (not matched whole) in MSG, or null for any; costs a regex per message
 */
public record PayloadRule(String parser, String host, String appName, Pattern pattern) {

    public PayloadRule {
        Objects.requireNonNull(parser, "parser");
        if (parser.isBlank()) {
            throw new IllegalArgumentException("a payload rule needs a parser name");
        }
    }

    /** A rule that offers every message to {@code parser}: the parser's own signature check decides. */
    public static PayloadRule always(String parser) {
        return new PayloadRule(parser, null, null, null);
    }

    public boolean matches(PayloadInput input) {
        return (host == null || input.hostname() != null && Glob.matches(host, input.hostname()))
                && (appName == null || input.appName() != null && Glob.matches(appName, input.appName()))
                && (pattern == null || pattern.matcher(input.message()).find());
    }
}
