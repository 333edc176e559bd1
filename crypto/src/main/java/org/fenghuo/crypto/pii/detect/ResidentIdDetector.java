package org.fenghuo.crypto.pii.detect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * 18-character resident identity numbers (GB 11643-1999): 6-digit region code whose first digit
 * is 1-8, birth date {@code YYYYMMDD} (a real calendar day, year 1900 to this year), 3-digit
 * sequence, and the ISO 7064 MOD 11-2 check character (a digit or {@code X}/{@code x}).
 *
 * <p>Accepted forms: the 18 characters contiguous, or grouped 6-8-4 with one space or one hyphen
 * (the same one) between groups. The number must stand alone: no ASCII letter or digit directly
 * before or after it, so a 19- or 20-digit run, or an 18-digit run inside a hex string, is not
 * an ID. Old 15-digit numbers are not detected.
 */
public final class ResidentIdDetector implements PiiDetector {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    /**
     * The latest plausible birth year and until when it holds: computed from the clock, not fixed
     * when the class loads (a long-running job would otherwise miss IDs of babies born after its
     * start year). Next year is allowed too, so a clock a little behind or time zones do not matter.
     */
    private static volatile long maxYearUntilMillis;
    private static volatile int maxYear;
    private static final int MIN_YEAR = 1900;

    @Override
    public PiiKind kind() {
        return PiiKind.ID_NUMBER;
    }

    @Override
    public void scan(CharSequence text, List<PiiSpan> out) {
        int n = text.length();
        if (n < 18 || !Chars.hasDigits(text, 17)) {
            return;
        }
        int i = 0;
        while (i < n) {
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int run = Chars.digitRun(text, i);
            int end = Chars.boundaryAt(text, i - 1) ? matchAt(text, i, run) : -1;
            if (end > 0) {
                out.add(new PiiSpan(i, end, PiiKind.ID_NUMBER));
                i = end;
            } else {
                i += run;
            }
        }
    }

    /** End of an ID starting at {@code start} (a digit run of length {@code run}), or -1. */
    private static int matchAt(CharSequence text, int start, int run) {
        if (run == 18 && Chars.boundaryAt(text, start + 18)) {
            return valid(text, start, 0) ? start + 18 : -1;
        }
        if (run == 17 && isX(text, start + 17) && Chars.boundaryAt(text, start + 18)) {
            return valid(text, start, 0) ? start + 18 : -1;
        }
        if (run == 6) {
            return grouped(text, start);
        }
        return -1;
    }

    private static int grouped(CharSequence text, int start) {
        int n = text.length();
        if (start + 20 > n) {
            return -1;
        }
        char sep = text.charAt(start + 6);
        if (!Chars.isGroupSeparator(sep) || text.charAt(start + 15) != sep
                || Chars.digitRun(text, start + 7) != 8) {
            return -1;
        }
        int last = Chars.digitRun(text, start + 16);
        boolean ok = (last == 4 || (last == 3 && isX(text, start + 19))) && Chars.boundaryAt(text, start + 20);
        return ok && valid(text, start, 1) ? start + 20 : -1;
    }

    private static boolean isX(CharSequence text, int i) {
        return i < text.length() && (text.charAt(i) == 'X' || text.charAt(i) == 'x');
    }

    /** {@code sep} is 0 for the contiguous form, 1 for the grouped one (a separator after 6 and 14). */
    private static boolean valid(CharSequence text, int start, int sep) {
        char region = text.charAt(start);
        if (region < '1' || region > '8') {
            return false;
        }
        int dateAt = start + 6 + sep;
        if (!plausibleDate(text, dateAt)) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (text.charAt(at(start, k, sep)) - '0') * WEIGHTS[k];
        }
        char check = Character.toUpperCase(text.charAt(at(start, 17, sep)));
        return check == CHECK[sum % 11];
    }

    private static int at(int start, int k, int sep) {
        return start + k + (k >= 6 ? sep : 0) + (k >= 14 ? sep : 0);
    }

    private static boolean plausibleDate(CharSequence text, int at) {
        int year = number(text, at, 4);
        int month = number(text, at + 4, 2);
        int day = number(text, at + 6, 2);
        if (year < MIN_YEAR || year > maxYear() || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= daysIn(year, month);
    }

    private static int maxYear() {
        long now = System.currentTimeMillis();
        if (now >= maxYearUntilMillis) {
            maxYear = maxYear(Instant.ofEpochMilli(now));
            maxYearUntilMillis = now + 3_600_000L;
        }
        return maxYear;
    }

    /** The latest birth year an ID may carry at {@code now}: the current year (UTC) plus one. */
    static int maxYear(Instant now) {
        return ZonedDateTime.ofInstant(now, ZoneOffset.UTC).getYear() + 1;
    }

    static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static int number(CharSequence text, int at, int digits) {
        int v = 0;
        for (int i = at; i < at + digits; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    /** The check character for the first 17 digits of {@code body}; for generators and tests. */
    public static char checkCharacter(CharSequence body) {
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return CHECK[sum % 11];
    }
}
