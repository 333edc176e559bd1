package org.fenghuo.crypto.pii;

import java.util.Locale;
import org.fenghuo.crypto.pii.detect.ScanView;

/**
 * The canonical form of a value before it is blind-indexed, so every way of writing one number
 * gives one search term: ID numbers upper-case without separators, phone numbers as their last 11
 * digits (without {@code +86}/{@code 0086}/{@code 86}/{@code %2B86} and separators), card numbers as digits, e-mail
 * addresses and other text trimmed and lower-case (inner whitespace collapsed), plates upper-case
 * without separators. A value with nothing of its kind in it (no digits for a phone) falls back to
 * the text form, so it still gets a stable term.
 */
public final class PiiNormalizer {

    private PiiNormalizer() {
    }

    public static String normalize(PiiKind kind, String value) {
        // full-width digits and letters are the same number as their ASCII forms
        value = ScanView.foldWidth(value);
        String out = switch (kind) {
            case ID_NUMBER -> keep(value, true, true).toUpperCase(Locale.ROOT);
            case PHONE -> phone(keep(value, true, false));
            case BANK_CARD -> keep(value, true, false);
            case EMAIL -> value.strip().toLowerCase(Locale.ROOT);
            case PLATE -> plate(value);
            case TEXT -> text(value);
        };
        return out.isEmpty() ? text(value) : out;
    }

    private static String keep(String value, boolean digits, boolean x) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((digits && c >= '0' && c <= '9') || (x && (c == 'x' || c == 'X'))) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The last 11 digits: whatever came before ({@code 86}, {@code 0086}, the 2 of {@code %2B86}) is the prefix. */
    private static String phone(String digits) {
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }

    private static String plate(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!Character.isWhitespace(c) && c != '·' && c != '•' && c != '・' && c != '-' && c != '.') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }

    private static String text(String value) {
        if (!needsWhitespaceWork(value)) {
            return value.toLowerCase(Locale.ROOT); // the common case: no copy before lower-casing
        }
        String stripped = value.strip();
        StringBuilder b = new StringBuilder(stripped.length());
        boolean space = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * True when stripping or collapsing would change {@code value}: whitespace at either end, or
     * inner whitespace other than single spaces.
     */
    private static boolean needsWhitespaceWork(String value) {
        int n = value.length();
        if (n == 0) {
            return false;
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(n - 1))) {
            return true;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = value.charAt(i);
            if (c == ' ' ? Character.isWhitespace(value.charAt(i + 1)) : Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
