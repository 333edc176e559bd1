package org.fenghuo.collectors.syslog;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseResult;

/**
 * RFC 3164 timestamps: BSD {@code Mmm dd hh:mm:ss} (optionally with fractions, or a year before
 * the time as Cisco writes it) and RFC 3339 as written by rsyslog's high-precision file format.
 *
 * <p>A BSD timestamp has neither year nor zone. The zone is configured (UTC by default). The year
 * is the reference clock's current year, or the year before when that date would lie more than a
 * day in the future: a December line read in January belongs to last year.
 */
final class LegacyTimestamps {

    private static final Pattern BSD = Pattern.compile(
            "([A-Za-z]{3}) {1,2}(\\d{1,2}) (?:(\\d{4}) )?(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?= |$)");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[^ ]+");
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private final ZoneId zone;
    private final Clock clock;

    LegacyTimestamps(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * True when a timestamp, or the start of one (a month name, a space and a digit, or {@code YYYY-}),
     * stands at the line's position: then a bad one is an error, not content ({@code Nov 99 x}).
     */
    boolean present(SyslogLine line) {
        String text = line.text();
        int start = line.pos();
        if (BSD.matcher(text).region(start, text.length()).lookingAt()
                || ISO.matcher(text).region(start, text.length()).lookingAt()) {
            return true;
        }
        // "Nov 99 ..." or "Nov  9 ...": a month name, a space (two before a one-digit day) and a digit;
        // "May the daemon restart" is content
        int day = start + 4;
        if (text.length() > day && text.charAt(day) == ' ') {
            day++;
        }
        if (text.length() > day && text.charAt(start + 3) == ' ' && Character.isDigit(text.charAt(day))
                && MONTHS.contains(text.substring(start, start + 3).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return text.length() >= start + 5 && text.charAt(start + 4) == '-'
                && text.substring(start, start + 4).chars().allMatch(Character::isDigit);
    }

    /** Reads a timestamp at the line's position and moves past it. */
    ParseResult<Instant> read(SyslogLine line) {
        String text = line.text();
        int start = line.pos();
        Matcher bsd = BSD.matcher(text).region(start, text.length());
        if (bsd.lookingAt()) {
            line.pos(bsd.end());
            return bsd(line, bsd, start);
        }
        Matcher iso = ISO.matcher(text).region(start, text.length());
        if (iso.lookingAt()) {
            line.pos(iso.end());
            return iso(line, iso.group(), start);
        }
        return ParseResult.failed(line.error(ErrorKind.INVALID_TIMESTAMP,
                "no RFC 3164 timestamp ('Mmm dd hh:mm:ss' or RFC 3339)"));
    }

    private ParseResult<Instant> bsd(SyslogLine line, Matcher m, int start) {
        int month = MONTHS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + 1;
        String fraction = m.group(7) == null ? "" : m.group(7);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        try {
            int day = Integer.parseInt(m.group(2));
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = Integer.parseInt(m.group(6));
            if (month == 0) {
                throw new DateTimeException("unknown month '" + m.group(1) + "'");
            }
            if (m.group(3) != null) {
                return ParseResult.ok(LocalDateTime.of(Integer.parseInt(m.group(3)), month, day, hour, minute,
                        second, nanos).atZone(zone).toInstant());
            }
            return ParseResult.ok(withYear(month, day, hour, minute, second, nanos));
        } catch (DateTimeException e) {
            return ParseResult.failed(line.error(ErrorKind.INVALID_TIMESTAMP,
                    "timestamp '" + m.group() + "' is not a valid date and time", start));
        }
    }

    private Instant withYear(int month, int day, int hour, int minute, int second, int nanos) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime latestAccepted = now.plusDays(1);
        DateTimeException last = null;
        for (int year = now.getYear(); year >= now.getYear() - 1; year--) {
            try {
                ZonedDateTime candidate = LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone);
                if (!candidate.isAfter(latestAccepted)) {
                    return candidate.toInstant();
                }
            } catch (DateTimeException e) {
                last = e; // 29 February outside a leap year: try the year before
            }
        }
        throw last != null ? last : new DateTimeException("date lies in the future in both candidate years");
    }

    private ParseResult<Instant> iso(SyslogLine line, String token, int start) {
        try {
            return ParseResult.ok(OffsetDateTime.parse(token).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return ParseResult.ok(LocalDateTime.parse(token).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                return ParseResult.failed(line.error(ErrorKind.INVALID_TIMESTAMP,
                        "timestamp '" + token + "' is not RFC 3339", start));
            }
        }
    }
}
