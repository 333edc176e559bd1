package org.fenghuo.collectors.syslog.payload.cef;

import org.fenghuo.collectors.syslog.payload.KvScanner;

/**
 * The CEF (and LEEF 1.0 space-separated) extension: {@code key=value} where a value runs to the
 * space before the next unescaped {@code key=}; {@code \=}, {@code \\}, {@code \n}, {@code \r}
 * are unescaped in values.
 */
final class Extension {

    private Extension() {
    }

    static void scan(String s, int from, int maxPairs, KvScanner.PairSink sink, int[] dropped) {
        int n = s.length();
        int i = from;
        int pairs = 0;
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int keyEnd = keyEnd(s, i);
            if (keyEnd < 0) {
                // text that is no pair (a broken start): skip one word, keep looking
                while (i < n && s.charAt(i) != ' ') {
                    i++;
                }
                continue;
            }
            int valueStart = keyEnd + 1;
            int valueEnd = valueEnd(s, valueStart);
            if (pairs < maxPairs) {
                sink.pair(s.substring(i, keyEnd), unescape(s, valueStart, valueEnd));
                pairs++;
            } else {
                dropped[0]++;
            }
            i = valueEnd;
        }
    }

    private static int keyEnd(String s, int i) {
        int j = i;
        while (j < s.length() && isKeyChar(s.charAt(j))) {
            j++;
        }
        return j > i && j < s.length() && s.charAt(j) == '=' ? j : -1;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-' || c == '[' || c == ']';
    }

    /** The value ends at the last space before the next {@code key=}, or at the end (trailing spaces trimmed). */
    private static int valueEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == ' ') {
                int next = i;
                while (next < n && s.charAt(next) == ' ') {
                    next++;
                }
                if (next < n && keyEnd(s, next) >= 0) {
                    return i;
                }
                i = next;
            } else {
                i++;
            }
        }
        return Math.min(i, n);
    }

    private static String unescape(String s, int start, int end) {
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        int slash = s.indexOf('\\', start);
        if (slash < 0 || slash >= end) {
            return s.substring(start, end);
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char e = s.charAt(++i);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
