package org.fenghuo.collectors.syslog;

import java.time.Instant;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseResult;

/**
 * RFC 3164 and what real senders and /var/log files write:
 * {@code [<PRI>]TIMESTAMP SP [HOSTNAME SP] [TAG[\[PID\]]: ]MSG}.
 *
 * <p>There is no grammar to tell a hostname from a tag, so: a first word that ends with
 * {@code :} or contains {@code [} is the tag (no hostname, as local syslog(3) sends it); a first
 * word followed by more text and made of hostname characters is the hostname. A tag is only taken
 * when followed by {@code :} or {@code [pid]}; otherwise the whole rest is the message, so
 * {@code syslogd 1.4.1: restart.} keeps its text instead of inventing a process name.
 */
final class Rfc3164Parser {

    private static final int MAX_TAG = 64;

    private final LegacyTimestamps timestamps;

    Rfc3164Parser(LegacyTimestamps timestamps) {
        this.timestamps = timestamps;
    }

    /** Parses from the line's position (just after the PRI, or the start when there is none). */
    ParseResult<SyslogMessage> parse(SyslogLine line, Integer priority) {
        if (priority != null && !timestamps.present(line)) {
            // RFC 3164 4.3.2: a PRI followed by no timestamp is all CONTENT. Devices send this by default
            // (FortiGate: "<189>date=... time=... devname=..."); the event takes the time it was received.
            String content = line.rest().strip();
            if (content.isEmpty()) {
                return ParseResult.failed(line.error(ErrorKind.TRUNCATED_HEADER, "nothing after the PRI"));
            }
            return ParseResult.ok(new SyslogMessage(SyslogFormat.RFC3164, priority, null, null, null, null, null,
                    null, null, content));
        }
        ParseResult<Instant> timestamp = timestamps.read(line);
        if (timestamp instanceof ParseResult.Failed<Instant> failed) {
            return ParseResult.failed(failed.error());
        }
        if (line.atEnd()) {
            return ParseResult.failed(line.error(ErrorKind.TRUNCATED_HEADER, "nothing after the timestamp"));
        }
        if (!line.skip(' ')) {
            return ParseResult.failed(line.error(ErrorKind.INVALID_HEADER, "expected a space after the timestamp"));
        }
        String hostname = hostname(line);
        String[] tag = tag(line);
        // padding after the tag (sudo writes "sudo:   user : ...") is layout, not content
        String message = line.rest().stripLeading();
        return ParseResult.ok(new SyslogMessage(SyslogFormat.RFC3164, priority, null,
                ((ParseResult.Ok<Instant>) timestamp).value(), hostname,
                tag == null ? null : tag[0], tag == null ? null : tag[1], null, null,
                message.isEmpty() ? null : message));
    }

    private static String hostname(SyslogLine line) {
        int start = line.pos();
        String first = line.token();
        boolean looksLikeTag = first.endsWith(":") || first.indexOf('[') >= 0;
        if (!first.isEmpty() && !looksLikeTag && line.peek() == ' ' && isHostname(first)) {
            line.skip(' ');
            return first;
        }
        line.pos(start);
        return null;
    }

    /** Returns {tag, pid or null} and moves past {@code TAG[PID]: }, or null and does not move. */
    private static String[] tag(SyslogLine line) {
        int start = line.pos();
        String text = line.text();
        int end = start;
        while (end < text.length() && end - start <= MAX_TAG && " :[".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end == start || end - start > MAX_TAG || end == text.length()) {
            return null;
        }
        String tag = text.substring(start, end);
        String pid = null;
        line.pos(end);
        if (line.peek() == '[') {
            int close = text.indexOf(']', end);
            if (close < 0) {
                line.pos(start);
                return null;
            }
            pid = text.substring(end + 1, close);
            line.pos(close + 1);
        }
        if (line.skip(':') || pid != null) {
            line.skip(' ');
            return new String[] {tag, pid};
        }
        line.pos(start);
        return null;
    }

    private static boolean isHostname(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '_' || c == ':' || c == '%';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
