package org.fenghuo.crypto.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Bounds on every field, so one entry (one JSON line) stays small and a reader can refuse an
 * oversized line before parsing it.
 */
public final class AuditLimits {

    public static final int MAX_TEXT_CHARS = 1024;
    public static final int MAX_DETAILS = 32;
    /**
     * The longest JSON line, in bytes. The character limits above allow more (a control character is
     * escaped to six bytes), so the writer checks the encoded line ({@link AuditJson#toUtf8}).
     */
    public static final int MAX_LINE_BYTES = 256 * 1024;

    private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");

    private AuditLimits() {
    }

    static void checkSequence(long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
        }
    }

    static void checkText(String name, String value, boolean mayBeEmpty) {
        Objects.requireNonNull(value, name);
        if (!mayBeEmpty && value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (value.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException(name + " longer than " + MAX_TEXT_CHARS + " chars");
        }
    }

    static Map<String, String> checkDetails(Map<String, String> details) {
        Objects.requireNonNull(details, "details");
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("more than " + MAX_DETAILS + " details: " + details.size());
        }
        TreeMap<String, String> copy = new TreeMap<>();
        details.forEach((k, v) -> {
            checkText("details key", k, false);
            checkText("details[" + k + "]", v, true);
            copy.put(k, v);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    static void checkHash(String name, String hex) {
        Objects.requireNonNull(hex, name);
        if (!HEX_HASH.matcher(hex).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits");
        }
    }
}
