package org.fenghuo.crypto.pii.detect;

import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * Payment card numbers: 13-19 digits passing the Luhn check and starting with a prefix of a
 * scheme cards in China carry: {@code 62} (UnionPay), {@code 4} (Visa), {@code 51}-{@code 55} and
 * {@code 2221}-{@code 2720} (Mastercard), {@code 34}/{@code 37} (American Express), {@code 35}
 * (JCB). Written contiguously, or in groups of at least 3 digits separated by one space or one
 * hyphen (the same one throughout: {@code 6222 0212 3456 7890 123}, {@code 3782-822463-10005}).
 * No ASCII letter may touch the number and a contiguous run must be 13-19 digits exactly; within
 * a longer chain of groups the longest valid sub-chain (whole groups) is taken, so a card number
 * after an order number is still found. About one random digit string in ten passes Luhn, so
 * other numbers with those prefixes and lengths are masked too: the detector errs on the side of
 * privacy.
 */
public final class BankCardDetector implements PiiDetector {

    private static final int MIN = 13;
    private static final int MAX = 19;
    private static final int MIN_GROUP = 3;
    private static final int MAX_GROUPS = 8;

    @Override
    public PiiKind kind() {
        return PiiKind.BANK_CARD;
    }

    @Override
    public void scan(CharSequence text, List<PiiSpan> out) {
        int n = text.length();
        if (n < MIN || !Chars.hasDigits(text, MIN)) {
            return;
        }
        int i = 0;
        while (i < n) {
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int run = Chars.digitRun(text, i);
            if (Chars.isAsciiLetter(charAt(text, i - 1)) || run < MIN_GROUP) {
                i += run;
                continue;
            }
            i = chain(text, i, run, out);
        }
    }

    /** Scans the chain of groups starting with the run at {@code start}; returns where to go on. */
    private static int chain(CharSequence text, int start, int run, List<PiiSpan> out) {
        int end = start + run;
        char sep = charAt(text, end);
        if (!Chars.isGroupSeparator(sep) || !Chars.isDigit(charAt(text, end + 1))) {
            // a lone run: the common case, no arrays
            if (run >= MIN && run <= MAX && Chars.boundaryAt(text, end) && valid(text, start, end)) {
                out.add(new PiiSpan(start, end, PiiKind.BANK_CARD));
            }
            return end;
        }
        int[] starts = new int[MAX_GROUPS];
        int[] ends = new int[MAX_GROUPS];
        int groups = 0;
        starts[groups] = start;
        ends[groups++] = end;
        while (groups < MAX_GROUPS && charAt(text, end) == sep && Chars.isDigit(charAt(text, end + 1))) {
            int next = end + 1;
            int len = Chars.digitRun(text, next);
            if (len < MIN_GROUP || Chars.isAsciiLetter(charAt(text, next + len))) {
                break;
            }
            starts[groups] = next;
            ends[groups++] = next + len;
            end = next + len;
        }
        if (Chars.isAsciiLetter(charAt(text, ends[groups - 1]))) {
            groups--;
        }
        int from = 0;
        while (from < groups) {
            int to = longestValid(text, starts, ends, from, groups);
            if (to >= 0) {
                out.add(new PiiSpan(starts[from], ends[to], PiiKind.BANK_CARD));
                from = to + 1;
            } else {
                from++;
            }
        }
        return Math.max(end, start + run);
    }

    /** The last group of the longest valid card starting at group {@code from}, or -1. */
    private static int longestValid(CharSequence text, int[] starts, int[] ends, int from, int groups) {
        for (int to = groups - 1; to >= from; to--) {
            int digits = 0;
            for (int g = from; g <= to; g++) {
                digits += ends[g] - starts[g];
            }
            if (digits >= MIN && digits <= MAX && valid(text, starts[from], ends[to])) {
                return to;
            }
        }
        return -1;
    }

    private static char charAt(CharSequence text, int i) {
        return i < 0 || i >= text.length() ? '\0' : text.charAt(i);
    }

    /** Prefix and Luhn over the digits of {@code [start, end)}, separators skipped. */
    static boolean valid(CharSequence text, int start, int end) {
        if (!knownPrefix(text, start)) {
            return false;
        }
        return luhnSum(text, start, end, false) % 10 == 0;
    }

    private static boolean knownPrefix(CharSequence text, int start) {
        char a = text.charAt(start);
        char b = text.charAt(start + 1);
        switch (a) {
            case '4':
                return true;
            case '5':
                return b >= '1' && b <= '5';
            case '6':
                return b == '2';
            case '3':
                return b == '4' || b == '5' || b == '7';
            case '2':
                int four = (a - '0') * 1000 + (b - '0') * 100 + (text.charAt(start + 2) - '0') * 10
                        + (text.charAt(start + 3) - '0');
                return four >= 2221 && four <= 2720;
            default:
                return false;
        }
    }

    /** The Luhn check digit completing {@code body} (digits only); for generators and tests. */
    public static char luhnCheckDigit(CharSequence body) {
        return (char) ('0' + (10 - luhnSum(body, 0, body.length(), true) % 10) % 10);
    }

    /** Luhn sum of the digits in {@code [start, end)} from the right, separators skipped. */
    private static int luhnSum(CharSequence text, int start, int end, boolean doubleLast) {
        int sum = 0;
        boolean dbl = doubleLast;
        for (int i = end - 1; i >= start; i--) {
            char c = text.charAt(i);
            if (!Chars.isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (dbl) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum;
    }
}
