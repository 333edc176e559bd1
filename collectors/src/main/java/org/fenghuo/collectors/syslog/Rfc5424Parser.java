package org.fenghuo.collectors.syslog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseResult;

/**
 * RFC 5424: {@code <PRI>VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP
 * STRUCTURED-DATA [SP MSG]}. Field lengths are not enforced (real senders exceed them); characters
 * and shape are.
 */
final class Rfc5424Parser {

    private static final String NIL = "-";
    private static final char BOM = '\uFEFF';
    private static final String[] FIELDS = {"TIMESTAMP", "HOSTNAME", "APP-NAME", "PROCID", "MSGID"};

    private Rfc5424Parser() {
    }

    /** Parses from just after the PRI, where a VERSION is known to start. */
    static ParseResult<SyslogMessage> parse(SyslogLine line, int priority) {
        String version = line.token();
        String[] header = new String[FIELDS.length];
        int[] starts = new int[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            String previous = i == 0 ? "VERSION" : FIELDS[i - 1];
            if (!line.skip(' ') || line.atEnd()) {
                return truncated(line, previous, FIELDS[i]);
            }
            starts[i] = line.pos();
            header[i] = line.token();
            String problem = checkField(FIELDS[i], header[i]);
            if (problem != null) {
                return ParseResult.failed(line.error(ErrorKind.INVALID_HEADER, problem, starts[i]));
            }
        }
        Instant timestamp = null;
        if (!NIL.equals(header[0])) {
            try {
                // RFC 3339 with a mandatory offset; fractions of up to 9 digits are accepted
                timestamp = Rfc3339.parse(header[0]);
            } catch (DateTimeParseException e) {
                return ParseResult.failed(line.error(ErrorKind.INVALID_TIMESTAMP,
                        "TIMESTAMP '" + header[0] + "' is not RFC 3339 with an offset", starts[0]));
            }
        }
        if (!line.skip(' ') || line.atEnd()) {
            return truncated(line, "MSGID", "STRUCTURED-DATA");
        }
        ParseResult<Map<String, Map<String, String>>> sd = StructuredDataParser.parse(line);
        if (sd instanceof ParseResult.Failed<Map<String, Map<String, String>>> failed) {
            return ParseResult.failed(failed.error());
        }
        if (!line.atEnd() && !line.skip(' ')) {
            return ParseResult.failed(line.error(ErrorKind.INVALID_STRUCTURED_DATA,
                    "expected a space or the end after STRUCTURED-DATA"));
        }
        return ParseResult.ok(new SyslogMessage(SyslogFormat.RFC5424, priority, version,
                timestamp,
                nil(header[1]), nil(header[2]), nil(header[3]), nil(header[4]),
                nonEmpty(((ParseResult.Ok<Map<String, Map<String, String>>>) sd).value()),
                message(line.rest())));
    }

    private static ParseResult<SyslogMessage> truncated(SyslogLine line, String after, String missing) {
        return ParseResult.failed(line.error(ErrorKind.TRUNCATED_HEADER,
                "header ends after " + after + ", " + missing + " missing"));
    }

    /** RFC 5424 header fields are 1*PRINTUSASCII (33..126). */
    private static String checkField(String name, String value) {
        if (value.isEmpty()) {
            return name + " is empty (two spaces in a row)";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 33 || c > 126) {
                return name + " contains " + describe(c) + ", only printable US-ASCII is allowed";
            }
        }
        return null;
    }

    private static Map<String, Map<String, String>> nonEmpty(Map<String, Map<String, String>> sd) {
        return sd.isEmpty() ? null : sd;
    }

    private static String nil(String value) {
        return NIL.equals(value) ? null : value;
    }

    private static String message(String rest) {
        String msg = !rest.isEmpty() && rest.charAt(0) == BOM ? rest.substring(1) : rest;
        return msg.isEmpty() ? null : msg;
    }

    private static String describe(char c) {
        return String.format("U+%04X", (int) c);
    }
}
