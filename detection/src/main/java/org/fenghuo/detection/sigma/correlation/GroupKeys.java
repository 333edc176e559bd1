package org.fenghuo.detection.sigma.correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * Group-by and value_count values joined into one key, and split back for the alert's message.
 * Values come from events, so a value holding the separator is escaped: unescaped, it made two
 * groups one key and split into more values than the rule has fields (an exception that failed the
 * correlator on every replay). A value without the separator or the escape is written as is.
 */
public final class GroupKeys {
    public static final char SEPARATOR = '\u001f';
    private static final char ESCAPE = '\\';
    /** Stands for the separator after an escape. */
    private static final char ESCAPED_SEPARATOR = 's';

    private GroupKeys() {
    }

    /** Appends {@code value} as one part; the caller puts {@link #SEPARATOR} between parts. */
    public static void append(StringBuilder key, String value) {
        if (value.indexOf(SEPARATOR) < 0 && value.indexOf(ESCAPE) < 0) {
            key.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == SEPARATOR) {
                key.append(ESCAPE).append(ESCAPED_SEPARATOR);
            } else if (c == ESCAPE) {
                key.append(ESCAPE).append(ESCAPE);
            } else {
                key.append(c);
            }
        }
    }

    /** The values {@link #append} wrote, in order. */
    public static List<String> split(String key) {
        List<String> values = new ArrayList<>();
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == SEPARATOR) {
                values.add(v.toString());
                v.setLength(0);
            } else if (c == ESCAPE && i + 1 < key.length()) {
                char next = key.charAt(++i);
                v.append(next == ESCAPED_SEPARATOR ? SEPARATOR : next);
            } else {
                v.append(c);
            }
        }
        values.add(v.toString());
        return values;
    }
}
