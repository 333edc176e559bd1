package org.fenghuo.crypto.pii;

import java.util.List;
import org.fenghuo.crypto.pii.detect.PiiSpan;
import org.fenghuo.crypto.pii.detect.ScanView;

/**
 * Display masks that keep just enough to recognise a value: ID numbers their first 6 and last 4
 * characters ({@code 110105********1234}), phones their first 3 and last 4 digits with any prefix
 * ({@code 138****8000}, {@code +86 138-****-8000}), cards their first 4 and last 4 digits
 * ({@code 6222 **** **** 1234}), e-mail addresses the first character of the local part and the
 * domain ({@code z***@example.com}), plates the province and office ({@code 京A***45}), other text
 * its first character ({@code 张*}). Separators stay where they were. A value too short for its
 * kind's mask is masked as text. No mask is ever found again by a detector.
 */
public final class PiiMasks {

    private PiiMasks() {
    }

    /**
     * {@code text} with each span (from {@link org.fenghuo.crypto.pii.detect.PiiScanner#scan}, in
     * text order, not overlapping) replaced by its mask; the same instance when there are none.
     */
    public static String maskSpans(String text, List<PiiSpan> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (PiiSpan s : spans) {
            out.append(text, from, s.start()).append(mask(s.kind(), text.substring(s.start(), s.end())));
            from = s.end();
        }
        return out.append(text, from, text.length()).toString();
    }

    public static String mask(PiiKind kind, String value) {
        value = ScanView.foldWidth(value);
        return switch (kind) {
            case ID_NUMBER -> keepEnds(value, 6, 4, 14);
            case PHONE -> phone(value);
            case BANK_CARD -> keepEnds(value, 4, 4, 12);
            case EMAIL -> email(value);
            case PLATE -> plate(value);
            case TEXT -> text(value);
        };
    }

    /** Masks the significant characters (letters and digits) between the first {@code head} and last {@code tail}. */
    private static String keepEnds(String value, int head, int tail, int minSignificant) {
        int significant = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                significant++;
            }
        }
        if (significant < minSignificant) {
            return text(value);
        }
        StringBuilder b = new StringBuilder(value.length());
        int k = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(k < head || k >= significant - tail ? c : '*');
                k++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String phone(String value) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        if (digits < 11) {
            return text(value);
        }
        // the last 11 digits are the number; digits 4-7 of it are hidden
        int coreFirst = digits - 11;
        StringBuilder b = new StringBuilder(value.length());
        int k = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                int inCore = k - coreFirst;
                b.append(inCore >= 3 && inCore < 7 ? '*' : c);
                k++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String email(String value) {
        int at = value.lastIndexOf('@');
        if (at < 1) {
            return text(value);
        }
        return value.charAt(0) + "***" + value.substring(at);
    }

    private static String plate(String value) {
        if (value.length() < 5) {
            return text(value);
        }
        StringBuilder b = new StringBuilder(value.length());
        int end = value.length() - 2;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            b.append(i < 2 || i >= end || !Character.isLetterOrDigit(c) ? c : '*');
        }
        return b.toString();
    }

    private static String text(String value) {
        int first = value.isEmpty() ? 0 : Character.charCount(value.codePointAt(0));
        int rest = value.codePointCount(first, value.length());
        if (rest == 0) {
            return "*";
        }
        return value.substring(0, first) + "*".repeat(rest);
    }
}
