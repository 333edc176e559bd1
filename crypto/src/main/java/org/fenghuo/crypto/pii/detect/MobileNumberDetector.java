package org.fenghuo.crypto.pii.detect;

import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * Mainland mobile numbers: 11 digits {@code 1[3-9]xxxxxxxxx}, contiguous or grouped 3-4-4 with
 * one space or one hyphen (the same one) between groups, optionally preceded by a country prefix
 * {@code +86}, {@code %2B86} (URL-encoded), {@code (+86)}, {@code 0086} or {@code 86}, itself followed by nothing, one space or
 * one hyphen. The span covers the prefix. No ASCII letter or digit may touch the number (a 12-digit
 * run is not a phone); other characters, Chinese ones included, are boundaries
 * ({@code 手机:13800138000}). Landlines and 400 numbers are not detected.
 */
public final class MobileNumberDetector implements PiiDetector {

    @Override
    public PiiKind kind() {
        return PiiKind.PHONE;
    }

    @Override
    public void scan(CharSequence text, List<PiiSpan> out) {
        int n = text.length();
        if (n < 11 || !Chars.hasDigits(text, 11)) {
            return;
        }
        int i = 0;
        while (i + 11 <= n) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if (c != '1' || next < '3' || next > '9') {
                i++;
                continue;
            }
            int start = startWithPrefix(text, i);
            int end = start < 0 ? -1 : coreEnd(text, i);
            if (end > 0) {
                out.add(new PiiSpan(start, end, PiiKind.PHONE));
                i = end;
            } else {
                i++;
            }
        }
    }

    /** Where the number starting at {@code core} begins with its prefix, or -1 when it is not standalone. */
    private static int startWithPrefix(CharSequence text, int core) {
        if (core == 0) {
            return 0;
        }
        char before = text.charAt(core - 1);
        if (Chars.isDigit(before)) {
            // only a directly attached country code may touch the number
            return endsWith86(text, core) ? prefixStart(text, core - 2) : -1;
        }
        if (Chars.isAsciiLetter(before)) {
            return -1;
        }
        if (Chars.isGroupSeparator(before) && endsWith86(text, core - 1)) {
            int p = prefixStart(text, core - 3);
            return p >= 0 ? p : core;
        }
        if (before == ')' && core >= 5 && text.charAt(core - 5) == '(' && text.charAt(core - 4) == '+'
                && endsWith86(text, core - 1)) {
            return core - 5;
        }
        return core;
    }

    private static boolean endsWith86(CharSequence text, int end) {
        return end >= 2 && text.charAt(end - 2) == '8' && text.charAt(end - 1) == '6';
    }

    /**
     * Start of the prefix whose {@code 86} begins at {@code at}: with a leading {@code +} or
     * {@code 00} when present; -1 when a letter or another digit touches it.
     */
    private static int prefixStart(CharSequence text, int at) {
        if (at >= 3 && text.charAt(at - 3) == '%' && text.charAt(at - 2) == '2'
                && (text.charAt(at - 1) == 'B' || text.charAt(at - 1) == 'b')) {
            // URL-encoded "+" in a query string
            return Chars.boundaryAt(text, at - 4) ? at - 3 : -1;
        }
        if (at >= 1 && text.charAt(at - 1) == '+') {
            return Chars.boundaryAt(text, at - 2) ? at - 1 : -1;
        }
        if (at >= 2 && text.charAt(at - 1) == '0' && text.charAt(at - 2) == '0') {
            return Chars.boundaryAt(text, at - 3) ? at - 2 : -1;
        }
        return Chars.boundaryAt(text, at - 1) ? at : -1;
    }

    /** End of the 11-digit number whose first digit is at {@code core}, or -1. */
    private static int coreEnd(CharSequence text, int core) {
        int run = Chars.digitRun(text, core);
        if (run == 11) {
            return Chars.boundaryAt(text, core + 11) ? core + 11 : -1;
        }
        if (run != 3 || core + 13 > text.length()) {
            return -1;
        }
        char sep = text.charAt(core + 3);
        if (!Chars.isGroupSeparator(sep) || Chars.digitRun(text, core + 4) != 4 || text.charAt(core + 8) != sep
                || Chars.digitRun(text, core + 9) != 4) {
            return -1;
        }
        return Chars.boundaryAt(text, core + 13) ? core + 13 : -1;
    }
}
