package org.fenghuo.events;

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
    /** Always milliseconds, so documents line up in Kibana and in text sorts. */
    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    /** Micro- or nanoseconds when the instant has them (pcap timestamps do); never cut. */
    private static final DateTimeFormatter FINER = new DateTimeFormatterBuilder().appendInstant(-1).toFormatter();

    private EcsTimestamps() {
    }

    /** ISO-8601 UTC, e.g. {@code 2026-11-23T10:00:00.123Z}, with 6 or 9 digits when sub-millisecond. */
    static String format(Instant instant) {
        return (instant.getNano() % 1_000_000 == 0 ? MILLIS : FINER).format(instant);
    }

    /**
     * Reads an ISO-8601 date-time with {@code Z} or an offset, a date-time without zone (taken as
     * UTC, as Elasticsearch does), a date alone (midnight UTC), or epoch milliseconds as a number
     * or a string of digits.
     */
    static Instant parse(Object value, String field) throws EcsJsonException {
        if (value instanceof Number n) {
            if (n instanceof Integer || n instanceof Long) {
                return Instant.ofEpochMilli(n.longValue());
            }
            throw EcsJsonException.field(field, "expected epoch milliseconds as a whole number, got " + n);
        }
        if (value instanceof String s) {
            Instant parsed = parseText(s.trim());
            if (parsed != null) {
                return parsed;
            }
            throw EcsJsonException.field(field,
                    "expected an ISO-8601 date-time or epoch milliseconds, got \"" + EcsJsonException.cut(s) + "\"");
        }
        throw EcsJsonException.field(field,
                "expected an ISO-8601 date-time or epoch milliseconds, got " + EcsJsonException.describe(value));
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
