package org.fenghuo.crypto.pii.detect;

import java.nio.CharBuffer;

/**
 * A second look at a text for the detectors, index for index the same length (so a span found in
 * the view is the same span of the text): full-width digits and Latin letters
 * (U+FF10-FF19, U+FF21-FF3A, U+FF41-FF5A) folded to ASCII, and the escape sequences senders leave
 * in values turned into boundaries: URL {@code %XX} ({@code %E6%89%8B13800138000},
 * {@code tel%3A13800138000}), JSON/C {@code \}{@code uXXXX}, {@code \n}, {@code \t}, {@code \r},
 * {@code \b}, {@code \f}. Their last character is a hex digit or letter that would otherwise
 * touch the number and hide it. {@code %2B} followed by {@code 86} stays: the phone detector
 * reads it as a URL-encoded {@code +86}.
 *
 * <p>The scanner runs the detectors over the text and, when it differs, over this view, and
 * keeps the union of both findings: an escape that was really text ({@code 5%13800138000}) cannot
 * hide a number either.
 */
public final class ScanView {

    /** What an escape sequence becomes: not a letter, digit, separator or prefix character. */
    static final char NEUTRAL = '\u0001';

    private ScanView() {
    }

    /** The view of {@code text}, or {@code text} itself when nothing in it needs folding. */
    public static CharSequence of(CharSequence text) {
        char[] out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF5A') {
                char f = fold(c);
                if (f != c) {
                    out = copy(out, text);
                    out[i] = f;
                }
            } else if (c == '%' && i + 2 < n && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))
                    && !encodedPlus86(text, i)) {
                out = neutral(copy(out, text), i, 3);
                i += 2;
            } else if (c == '\\' && i + 1 < n) {
                char e = text.charAt(i + 1);
                if (e == 'u' && i + 5 < n && isHex(text.charAt(i + 2)) && isHex(text.charAt(i + 3))
                        && isHex(text.charAt(i + 4)) && isHex(text.charAt(i + 5))) {
                    out = neutral(copy(out, text), i, 6);
                    i += 5;
                } else if (e == 'n' || e == 't' || e == 'r' || e == 'b' || e == 'f') {
                    out = neutral(copy(out, text), i, 2);
                    i += 1;
                }
            }
        }
        return out == null ? text : CharBuffer.wrap(out);
    }

    /** {@code value} with full-width digits and Latin letters folded to ASCII (the same string when there are none). */
    public static String foldWidth(String value) {
        char[] out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char f = c >= '\uFF10' && c <= '\uFF5A' ? fold(c) : c;
            if (f != c) {
                if (out == null) {
                    out = value.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? value : new String(out);
    }

    private static char fold(char c) {
        if (c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41') {
            return (char) (c - 0xFEE0);
        }
        return c;
    }

    private static boolean encodedPlus86(CharSequence text, int i) {
        return text.charAt(i + 1) == '2' && (text.charAt(i + 2) == 'B' || text.charAt(i + 2) == 'b')
                && i + 4 < text.length() && text.charAt(i + 3) == '8' && text.charAt(i + 4) == '6';
    }

    private static boolean isHex(char c) {
        return Chars.isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static char[] copy(char[] out, CharSequence text) {
        if (out != null) {
            return out;
        }
        char[] a = new char[text.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = text.charAt(i);
        }
        return a;
    }

    private static char[] neutral(char[] out, int from, int length) {
        for (int i = from; i < from + length; i++) {
            out[i] = NEUTRAL;
        }
        return out;
    }
}
