package org.fenghuo.collectors.syslog.linux;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rsyslog's and syslog-ng's repeat reduction, {@code message repeated 5 times: [ Failed password
 * ...]}: the inner message is what the program wrote, and it happened {@code count} more times
 * (the first occurrence is the line before). Parsers read the inner message and record the count
 * in {@code fenghuo.syslog.repeated} so that a brute-force count stays exact.
 *
 * @param count   how many times the message was repeated; 0 when the line was not a repeat line
 * @param message the program's own message
 */
public record Repeated(long count, String message) {

    private static final Pattern REPEATED = Pattern.compile("message repeated (\\d{1,9}) times?: \\[ ?(.*)\\]");

    /** Unwraps a repeat line; any other message comes back with count 0. Surrounding blanks and CR are dropped. */
    public static Repeated of(String message) {
        String text = message.strip();
        if (text.startsWith("message repeated ")) {
            Matcher m = REPEATED.matcher(text);
            if (m.matches()) {
                return new Repeated(Long.parseLong(m.group(1)), m.group(2).strip());
            }
        }
        return new Repeated(0, text);
    }

    /** Records the count when this was a repeat line. */
    public void record(Out out) {
        if (count > 0) {
            out.put("fenghuo.syslog.repeated", count);
        }
    }
}
