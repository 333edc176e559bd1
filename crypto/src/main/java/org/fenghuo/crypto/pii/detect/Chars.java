package org.fenghuo.crypto.pii.detect;

/** Character tests shared by the detectors; word boundaries are ASCII letters and digits. */
final class Chars {

    private Chars() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    /**
     * True when position {@code i} of {@code text} does not continue a word: outside the text or
     * a character other than an ASCII letter or digit. Chinese characters and punctuation are
     * boundaries, so {@code 手机13800138000} is found while {@code x13800138000} is not.
     */
    static boolean boundaryAt(CharSequence text, int i) {
        return i < 0 || i >= text.length() || !isAsciiAlnum(text.charAt(i));
    }

    /** A separator allowed between digit groups of one number. */
    static boolean isGroupSeparator(char c) {
        return c == ' ' || c == '-';
    }

    /** Length of the run of ASCII digits starting at {@code from}. */
    static int digitRun(CharSequence text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** True when the text has at least {@code min} ASCII digits: a cheap gate for the digit detectors. */
    static boolean hasDigits(CharSequence text, int min) {
        int count = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (isDigit(text.charAt(i)) && ++count >= min) {
                return true;
            }
        }
        return false;
    }
}
