package org.fenghuo.collectors.syslog;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseResult;

/**
 * Parses one syslog frame, RFC 5424 or RFC 3164, told apart by what follows the PRI
 * ({@code <PRI>1 } is RFC 5424). Frames without a PRI (lines of /var/log files) are read as
 * RFC 3164. Never throws on bad input. Thread-safe.
 */
public final class SyslogParser {

    private final Rfc3164Parser rfc3164;

    /**
     * @param legacyTimeZone zone of RFC 3164 timestamps, which carry none (UTC unless configured)
     * @param referenceClock "now" for the year-less RFC 3164 dates
     */
    public SyslogParser(ZoneId legacyTimeZone, Clock referenceClock) {
        this.rfc3164 = new Rfc3164Parser(new LegacyTimestamps(
                Objects.requireNonNull(legacyTimeZone, "legacyTimeZone"),
                Objects.requireNonNull(referenceClock, "referenceClock")));
    }

    /** UTC and the system clock. */
    public static SyslogParser utc() {
        return new SyslogParser(ZoneOffset.UTC, Clock.systemUTC());
    }

    public ParseResult<SyslogMessage> parse(byte[] frame) {
        return parse(frame, frame.length);
    }

    /** Parses {@code frame[0, length)}. */
    public ParseResult<SyslogMessage> parse(byte[] frame, int length) {
        ParseResult<String> decoded = StrictUtf8.decode(frame, length);
        if (decoded instanceof ParseResult.Failed<String> failed) {
            return ParseResult.failed(failed.error());
        }
        SyslogLine line = new SyslogLine(frame, length, ((ParseResult.Ok<String>) decoded).value());
        if (line.peek() != '<') {
            return rfc3164.parse(line, null);
        }
        int priority = priority(line);
        if (priority < 0) {
            return ParseResult.failed(line.error(ErrorKind.INVALID_PRI, priorityProblem(line)));
        }
        if (startsWithVersion(line)) {
            return Rfc5424Parser.parse(line, priority);
        }
        return rfc3164.parse(line, priority);
    }

    /** Reads {@code <PRI>}; returns -1 and leaves the position at the fault when it is invalid. */
    private static int priority(SyslogLine line) {
        line.skip('<');
        int value = 0;
        int digits = 0;
        while (line.peek() >= '0' && line.peek() <= '9' && digits < 4) {
            value = value * 10 + (line.peek() - '0');
            digits++;
            line.pos(line.pos() + 1);
        }
        if (digits == 0 || digits > 3 || value > SyslogPriority.MAX || line.peek() != '>') {
            return -1;
        }
        line.skip('>');
        return value;
    }

    private static String priorityProblem(SyslogLine line) {
        String text = line.text();
        int close = text.indexOf('>');
        if (close < 0) {
            return "PRI has no closing '>'";
        }
        String inside = text.substring(1, close);
        if (inside.isEmpty() || !inside.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "PRI '" + inside + "' is not a number";
        }
        if (inside.length() > 3) {
            return "PRI '" + inside + "' has more than 3 digits";
        }
        return "PRI " + inside + " is above " + SyslogPriority.MAX;
    }

    /** RFC 5424 VERSION: 1 to 3 digits, not starting with 0, then SP (or the end: a truncated header). */
    private static boolean startsWithVersion(SyslogLine line) {
        char first = line.peek();
        if (first < '1' || first > '9') {
            return false;
        }
        for (int i = 1; i <= 3; i++) {
            char c = line.peek(i);
            if (c == ' ' || c == 0 && line.pos() + i >= line.text().length()) {
                return true;
            }
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return false;
    }
}
