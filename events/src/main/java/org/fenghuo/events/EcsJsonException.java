package org.fenghuo.events;

import java.util.List;
import java.util.Map;

/**
 * The input is not a valid ECS event document; the message names the field or offset.
 * {@link #field()} and {@link #offset()} give them apart, e.g. for a {@link DeadLetter}.
 */
public class EcsJsonException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_QUOTED = 64;

    /** Dotted name of the offending field, null when the problem is not tied to one. */
    private final String field;
    /** Byte (or char, for String input) offset of a syntax error, -1 when unknown. */
    private final long offset;

    public EcsJsonException(String message, Throwable cause) {
        this(null, -1, message, cause);
    }

    public EcsJsonException(String message) {
        this(null, -1, message, null);
    }

    /** The message should already name {@code field} (see {@link #field(String, String)}). */
    public EcsJsonException(String field, long offset, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.offset = offset;
    }

    /** An error about one field: the message reads {@code "<field>: <problem>"}. */
    public static EcsJsonException field(String field, String problem) {
        return new EcsJsonException(field, -1, field + ": " + problem, null);
    }

    /** Dotted name of the offending field ({@code source.port}, {@code dns.answers[1].ttl}), or null. */
    public String field() {
        return field;
    }

    /** Offset in the input of a syntax error, or -1. */
    public long offset() {
        return offset;
    }

    /** A value as an error message shows it: quoted and cut when a string, the JSON kind otherwise. */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + cut(s) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return String.valueOf(value);
    }

    /** Keeps messages (and dead letters) small when the bad value is a whole document. */
    static String cut(String s) {
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "...";
    }
}
