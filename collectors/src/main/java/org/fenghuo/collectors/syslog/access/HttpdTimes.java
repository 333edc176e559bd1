package org.fenghuo.collectors.syslog.access;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The two fixed time layouts web servers write, read by position: {@code java.time}'s pattern
 * parser made a line cost several times its regex. Both return null for anything that is not a
 * valid time in the layout (day 32, month "Foo", offset +9999).
 */
final class HttpdTimes {

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";

    private HttpdTimes() {
    }

    /** Access logs: {@code 10/Oct/2000:13:55:36 -0700}. */
    static Instant clf(String s) {
        if (s.length() != 26 || s.charAt(2) != '/' || s.charAt(6) != '/' || s.charAt(11) != ':'
                || s.charAt(14) != ':' || s.charAt(17) != ':' || s.charAt(20) != ' ') {
            return null;
        }
        int month = month(s, 3);
        int day = digits(s, 0, 2);
        int year = digits(s, 7, 4);
        int hour = digits(s, 12, 2);
        int minute = digits(s, 15, 2);
        int second = digits(s, 18, 2);
        char sign = s.charAt(21);
        int offsetHours = digits(s, 22, 2);
        int offsetMinutes = digits(s, 24, 2);
        if (month < 0 || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0 || sign != '+' && sign != '-'
                || offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59) {
            return null;
        }
        int offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        return at(year, month, day, hour, minute, second, 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** Apache error logs: {@code Sun Dec 04 04:47:44 2005} or {@code Wed Oct 11 14:32:52.123456 2000}, in {@code zone}. */
    static Instant errorLog(String s, ZoneId zone) {
        if (s.length() < 24 || s.charAt(3) != ' ' || s.charAt(7) != ' ' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':' || DAYS.indexOf(s.substring(0, 3)) % 3 != 0) {
            return null;
        }
        int month = month(s, 4);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int start = ++at;
            while (at < s.length() && at - start < 9 && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
                nanos = nanos * 10 + (s.charAt(at++) - '0');
            }
            if (at == start) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (s.length() != at + 5 || s.charAt(at) != ' ') {
            return null;
        }
        int year = digits(s, at + 1, 4);
        if (month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || year < 0) {
            return null;
        }
        return at(year, month, day, hour, minute, second, nanos, zone);
    }

    private static Instant at(int year, int month, int day, int hour, int minute, int second, int nanos, ZoneId zone) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null; // day 31 of a 30-day month, hour 24...
        }
    }

    /** 1 to 12 for {@code Jan}..{@code Dec} at {@code from}, else -1. */
    private static int month(String s, int from) {
        int i = MONTHS.indexOf(s.substring(from, from + 3));
        return i < 0 || i % 3 != 0 ? -1 : i / 3 + 1;
    }

    /** The decimal number in {@code s[from, from + count)}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
