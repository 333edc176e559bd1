package org.fenghuo.crypto.pii.detect;

import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * E-mail addresses in their common ASCII form: a local part of {@code A-Z a-z 0-9 . _ % + -}
 * (not starting with a dot), {@code @}, and a domain of at least two dot-separated labels of
 * letters, digits and inner hyphens whose last label is 2 or more letters. The span starts at the
 * first local-part character before the {@code @}, so {@code mailto:li.na@example.cn} gives
 * {@code li.na@example.cn}. Not detected: quoted local parts, IP-literal domains, internationalised
 * (Chinese) domains and percent-encoded {@code %40}.
 */
public final class EmailDetector implements PiiDetector {

    @Override
    public PiiKind kind() {
        return PiiKind.EMAIL;
    }

    @Override
    public void scan(CharSequence text, List<PiiSpan> out) {
        int n = text.length();
        int from = 0;
        while (from < n) {
            int at = indexOf(text, '@', from);
            if (at < 0) {
                return;
            }
            int start = at;
            while (start > from && isLocal(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int end = start < at ? domainEnd(text, at + 1) : -1;
            if (end > 0) {
                out.add(new PiiSpan(start, end, PiiKind.EMAIL));
                from = end;
            } else {
                from = at + 1;
            }
        }
    }

    private static int indexOf(CharSequence text, char c, int from) {
        if (text instanceof String s) {
            return s.indexOf(c, from);
        }
        for (int i = from, n = text.length(); i < n; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLocal(char c) {
        return Chars.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** End of a valid domain starting at {@code from}, or -1. */
    private static int domainEnd(CharSequence text, int from) {
        int n = text.length();
        int i = from;
        int labels = 0;
        int lastLabelStart = -1;
        int lastLabelEnd = -1;
        while (i < n) {
            int labelStart = i;
            while (i < n && (Chars.isAsciiAlnum(text.charAt(i)) || text.charAt(i) == '-')) {
                i++;
            }
            int labelEnd = i;
            // a trailing hyphen belongs to the text, not the label
            while (labelEnd > labelStart && text.charAt(labelEnd - 1) == '-') {
                labelEnd--;
            }
            if (labelEnd == labelStart || text.charAt(labelStart) == '-') {
                break;
            }
            labels++;
            lastLabelStart = labelStart;
            lastLabelEnd = labelEnd;
            if (labelEnd != i || i + 1 >= n || text.charAt(i) != '.' || !Chars.isAsciiAlnum(text.charAt(i + 1))) {
                break;
            }
            i++;
        }
        if (labels < 2 || lastLabelEnd - lastLabelStart < 2) {
            return -1;
        }
        for (int k = lastLabelStart; k < lastLabelEnd; k++) {
            if (!Chars.isAsciiLetter(text.charAt(k))) {
                return -1;
            }
        }
        return lastLabelEnd;
    }
}
