package org.fenghuo.collectors.syslog.access;

/**
 * A cursor over one access line: words, a {@code [bracketed]} time and {@code "quoted"} fields
 * with {@code \"} escapes. Hand-written rather than a regular expression because Java's regex
 * engine recurses once per repetition of an alternation, so a long quoted user agent full of
 * escapes could overflow the stack. Not thread-safe: one per line.
 */
final class AccessLine {

    private final String text;
    private int pos;

    AccessLine(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return atEnd() ? 0 : text.charAt(pos);
    }

    /** Skips one space; false when there is none. */
    boolean space() {
        if (peek() != ' ') {
            return false;
        }
        pos++;
        return true;
    }

    /** Characters up to the next space or the end; null when there are none. */
    String word() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ' ') {
            pos++;
        }
        return pos == start ? null : text.substring(start, pos);
    }

    /** The text inside {@code [...]}; null (and no move) when the line is not at a {@code [}. */
    String bracketed() {
        int close = peek() == '[' ? text.indexOf(']', pos) : -1;
        if (close < 0) {
            return null;
        }
        String inside = text.substring(pos + 1, close);
        pos = close + 1;
        return inside;
    }

    /** The raw text inside {@code "..."}, escapes kept; null (and no move) when not at a closed quote. */
    String quoted() {
        if (peek() != '"') {
            return null;
        }
        for (int i = pos + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                String inside = text.substring(pos + 1, i);
                pos = i + 1;
                return inside;
            }
        }
        return null;
    }

    /** The rest of the line, consumed; null when empty. */
    String rest() {
        String rest = atEnd() ? null : text.substring(pos);
        pos = text.length();
        return rest;
    }
}
