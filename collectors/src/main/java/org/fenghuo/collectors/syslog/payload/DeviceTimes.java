package org.fenghuo.collectors.syslog.payload;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Times as devices write them in payloads: epoch seconds, milliseconds or nanoseconds, ISO 8601,
 * {@code MMM dd yyyy HH:mm:ss[.SSS] [zone]} (CEF), {@code yyyy-MM-dd HH:mm:ss} and
 * {@code yyyy/MM/dd HH:mm:ss}. A time without a zone is read in the zone of the input being
 * parsed ({@link PayloadInput#zone()}, set by {@link PayloadRules} for the duration of one
 * parse), UTC otherwise. Null when unreadable (the caller keeps the text).
 */
public final class DeviceTimes {

    // The input's zone for the parse in progress on this thread. A thread-local rather than a
    // parameter: the times are read deep inside nine parsers' static helpers, and the zone is one
    // setting of the input, not of each field.
    private static final ThreadLocal<ZoneId> LOCAL_ZONE = ThreadLocal.withInitial(() -> ZoneOffset.UTC);

    private static final DateTimeFormatter CEF = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d yyyy HH:mm:ss").optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 1, 9, true)
            .optionalEnd().optionalStart().appendLiteral(' ').appendZoneText(java.time.format.TextStyle.SHORT).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss[.SSS]", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss", Locale.ROOT);

    private DeviceTimes() {
    }

    /** Runs {@code parser} on {@code input} with zone-less times read in {@code zone}. */
    static PayloadResult inZone(ZoneId zone, PayloadParser parser, PayloadInput input) {
        ZoneId previous = LOCAL_ZONE.get();
        LOCAL_ZONE.set(zone);
        try {
            return parser.parse(input);
        } finally {
            LOCAL_ZONE.set(previous);
        }
    }

    /** The zone times without one are read in: the input's during a parse, else UTC. */
    public static ZoneId localZone() {
        return LOCAL_ZONE.get();
    }

    public static Instant parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        Long epoch = PayloadText.parseLong(text);
        if (epoch != null) {
            return fromEpoch(epoch, text.length());
        }
        try {
            char first = text.charAt(0);
            if (first >= '0' && first <= '9') {
                if (text.indexOf('T') > 0) {
                    return OffsetDateTime.parse(text).toInstant();
                }
                return LocalDateTime.parse(text.replace('/', '-'), LOCAL).atZone(localZone()).toInstant();
            }
            var parsed = CEF.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) parsed).atZone(localZone()).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A date and a time in two fields with an optional zone or offset such as {@code +0800} (FortiGate). */
    public static Instant parse(String date, String time, String zone) {
        if (date == null || time == null) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(date.replace('/', '-') + " " + time,
                    DATE_TIME);
            ZoneId z = localZone();
            if (zone != null && !zone.isBlank()) {
                String zz = zone.trim();
                z = zz.startsWith("+") || zz.startsWith("-") ? ZoneOffset.of(zz.length() == 5
                        ? zz.substring(0, 3) + ":" + zz.substring(3) : zz) : ZoneId.of(zz);
            }
            return local.atZone(z).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Seconds (10 digits or fewer), milliseconds (13), microseconds (16) or nanoseconds (19). */
    private static Instant fromEpoch(long value, int digits) {
        if (value < 0) {
            return null;
        }
        if (digits <= 11) {
            return Instant.ofEpochSecond(value);
        }
        if (digits <= 14) {
            return Instant.ofEpochMilli(value);
        }
        if (digits <= 17) {
            return Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1000);
        }
        return Instant.ofEpochSecond(value / 1_000_000_000, value % 1_000_000_000);
    }
}
