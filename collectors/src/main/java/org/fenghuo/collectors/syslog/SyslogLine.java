package org.fenghuo.collectors.syslog;

import java.util.Arrays;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.ParseError;

/** A decoded frame with a read position; errors report offsets in the frame's bytes. */
final class SyslogLine {

    private final byte[] bytes;
    private final String text;
    private int pos;

    SyslogLine(byte[] bytes, int length, String text) {
        this.bytes = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        this.text = text;
    }

    String text() {
        return text;
    }

    int pos() {
        return pos;
    }

    void pos(int newPos) {
        pos = newPos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    /** The next char, or 0 at the end. */
    char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : 0;
    }

    boolean skip(char c) {
        if (peek() == c && !atEnd()) {
            pos++;
            return true;
        }
        return false;
    }

    /** Chars up to the next space or the end; the space is not consumed. */
    String token() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ' ') {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** The rest of the line, consumed. */
    String rest() {
        String rest = text.substring(Math.min(pos, text.length()));
        pos = text.length();
        return rest;
    }

    ParseError error(ErrorKind kind, String reason) {
        return error(kind, reason, pos);
    }

    ParseError error(ErrorKind kind, String reason, int charIndex) {
        int at = StrictUtf8.byteOffset(text, charIndex);
        return ParseError.of(kind, reason + " at byte " + at, at, bytes);
    }
}
