package org.fenghuo.events;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

/**
 * Instants as Elasticsearch's default {@code strict_date_optional_time||epoch_millis} date
 * format reads them, written so that sort order and precision survive a round trip.
 */
final class EcsTimestamps {
    /**
     * The formatters, for years outside 1970-9999 only: built at first use, since building them (and
     * parsing the bounds below as text) loads much of java.time, a few ms of every command's start.
     */
    private static final class Formatters {
        /** Always milliseconds, so documents line up in Kibana and in text sorts. */
        static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
        /** Micro- or nanoseconds when the instant has them (pcap timestamps do); never cut. */
        static final DateTimeFormatter FINER = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();
    }

    private EcsTimestamps() {
    }

    /** Years 0000-9999 print as four digits; others go through the formatter (sign, more digits). */
    private static final long MAX_FAST_SECOND = 253_402_300_800L;
    /** 0000-01-01T00:00:00Z. */
    static final Instant EARLIEST = Instant.ofEpochSecond(-62_167_219_200L);
    /** 9999-12-31T23:59:59.999999999Z. */
    static final Instant LATEST = Instant.ofEpochSecond(MAX_FAST_SECOND - 1, 999_999_999);
    /** The date part ({@code yyyy-MM-ddT}) of the last day formatted: events come in runs of one day. */
    private static volatile DayPrefix lastDay = new DayPrefix(0, "1970-01-01T".getBytes(StandardCharsets.US_ASCII));

    private record DayPrefix(long epochDay, byte[] text) {
    }

    /**
     * ISO-8601 UTC, e.g. {@code 2026-11-23T10:00:00.123Z}; sub-millisecond instants get as many
     * fraction digits as they need (4 to 9, trailing zeros dropped).
     */
    static String format(Instant instant) {
        byte[] ascii = formatAscii(instant);
        return ascii != null ? new String(ascii, StandardCharsets.US_ASCII)
                : (instant.getNano() % 1_000_000 == 0 ? Formatters.MILLIS : Formatters.FINER).format(instant);
    }

    /**
     * {@link #format}'s text as ASCII bytes for the years 1970 to 9999, which a JSON writer can copy
     * as they are (no character needs escaping); null for other times.
     */
    static byte[] formatAscii(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= MAX_FAST_SECOND) {
            return null;
        }
        // The formatters' output (appendInstant(3) / appendInstant(-1)) without their machinery.
        int nano = instant.getNano();
        long epochDay = seconds / 86_400;
        int secondOfDay = (int) (seconds % 86_400);
        DayPrefix day = lastDay;
        if (day.epochDay() != epochDay) {
            day = new DayPrefix(epochDay, (LocalDate.ofEpochDay(epochDay) + "T").getBytes(StandardCharsets.US_ASCII));
            lastDay = day;
        }
        // appendInstant(3): exactly 3 digits; appendInstant(-1) (never zero here): as many as needed
        int fraction = nano;
        int digits = 9;
        if (nano % 1_000_000 == 0) {
            fraction = nano / 1_000_000;
            digits = 3;
        } else {
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
        }
        byte[] b = new byte[11 + 8 + 1 + digits + 1];
        System.arraycopy(day.text(), 0, b, 0, 11);
        two(b, 11, secondOfDay / 3_600);
        b[13] = ':';
        two(b, 14, secondOfDay / 60 % 60);
        b[16] = ':';
        two(b, 17, secondOfDay % 60);
        b[19] = '.';
        for (int i = 19 + digits; i > 19; i--) {
            b[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        b[20 + digits] = 'Z';
        return b;
    }

    private static void two(byte[] b, int at, int value) {
        b[at] = (byte) ('0' + value / 10);
        b[at + 1] = (byte) ('0' + value % 10);
    }

    /**
     * {@link #parse} without an error: null when the value is not a time it reads or is outside
     * the years 0000 to 9999. It builds no text, so a valid time costs no more than its parse.
     */
    static Instant parseOrNull(Object value) {
        Instant t;
        if (value instanceof Integer || value instanceof Long) {
            t = Instant.ofEpochMilli(((Number) value).longValue());
        } else if (value instanceof String s) {
            t = parseText(s.trim());
        } else {
            return null;
        }
        return t == null || t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
    }

    /**
     * Reads an ISO-8601 date-time with {@code Z} or an offset, a date-time without zone (taken as
     * UTC, as Elasticsearch does), a date alone (midnight UTC), or epoch milliseconds as a number
     * or a string of digits.
     */
    static Instant parse(Object value, String field) throws EcsJsonException {
        if (value instanceof Number n) {
            if (n instanceof Integer || n instanceof Long) {
                return inRange(Instant.ofEpochMilli(n.longValue()), field, n.toString());
            }
            throw EcsJsonException.field(field, "expected epoch milliseconds as a whole number, got " + n);
        }
        if (value instanceof String s) {
            Instant parsed = parseText(s.trim());
            if (parsed != null) {
                return inRange(parsed, field, "\"" + EcsJsonException.cut(s) + "\"");
            }
            throw EcsJsonException.field(field,
                    "expected an ISO-8601 date-time or epoch milliseconds, got \"" + EcsJsonException.cut(s) + "\"");
        }
        throw EcsJsonException.field(field,
                "expected an ISO-8601 date-time or epoch milliseconds, got " + EcsJsonException.describe(value));
    }

    /**
     * Years 0000 to 9999, ISO 8601's four digits: a time beyond them is no real event's, and one
     * beyond the epoch-millisecond range (about 292 million years) made {@code toEpochMilli} throw
     * in whatever operator read it, failing the job on every replay of that one event.
     */
    private static Instant inRange(Instant t, String field, String text) throws EcsJsonException {
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw EcsJsonException.field(field, "time " + text + " outside the years 0000 to 9999");
        }
        return t;
    }

    private static Instant parseText(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (isDigits(s)) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(s));
            } catch (NumberFormatException | DateTimeException e) {
                return null;
            }
        }
        Instant fast = parseCanonical(s);
        if (fast != null) {
            return fast;
        }
        try {
            // Since JDK 12, ISO_INSTANT parsing also takes "+08:00" style offsets.
            return DateTimeFormatter.ISO_INSTANT.parse(s, Instant::from);
        } catch (DateTimeException e) {
            // fall through to the zone-less forms
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // fall through
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The form we write ({@code 2026-11-23T10:00:00.123Z}: no fraction, or 1 to 9 digits, as
     * {@link #format} trims a sub-millisecond fraction's trailing zeros) without the formatter
     * machinery: it is on every event, several times. Null means "use the general path".
     */
    static Instant parseCanonical(String s) {
        int len = s.length();
        if (len < 20 || len == 21 || len > 30 || s.charAt(len - 1) != 'Z'
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || (len > 20 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = len > 20 ? digits(s, 20, len - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
                || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        int nanos = fraction;
        for (int d = len > 20 ? len - 21 : 9; d < 9; d++) {
            nanos *= 10;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of s[from, to), or -1 if any char is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigits(String s) {
        int start = s.charAt(0) == '-' && s.length() > 1 ? 1 : 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
