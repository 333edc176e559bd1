package org.fenghuo.collectors.syslog.payload;

/**
 * Splits {@code key=value key2="quoted value" key3=value with spaces} into pairs, in one pass and
 * without regex. Pairs are separated by whitespace or a configured separator ({@code ,} {@code ;});
 * an unquoted value runs to the last separator before the next {@code key=}, so values with spaces
 * survive. At most {@code maxPairs} pairs are reported; the rest are counted, not read.
 */
public final class KvScanner {

    /** Receives each pair; the value is unquoted and unescaped. */
    @FunctionalInterface
    public interface PairSink {
        void pair(String key, String value);
    }

    /**
     * @param pairs   pairs reported
     * @param dropped pairs beyond the bound, not reported
     * @param strays  words that were not part of any pair (text before the first pair)
     */
    public record Result(int pairs, int dropped, int strays) {
    }

    private final char separator;
    private final int maxPairs;

    /** @param separator a pair separator besides whitespace, or 0 for whitespace only */
    public KvScanner(char separator, int maxPairs) {
        this.separator = separator;
        this.maxPairs = maxPairs;
    }

    public Result scan(String s, int from, PairSink sink) {
        int n = s.length();
        int i = from;
        int pairs = 0;
        int dropped = 0;
        int strays = 0;
        while (i < n) {
            while (i < n && isSeparator(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyEnd = keyEnd(s, i);
            if (keyEnd < 0) {
                strays++;
                while (i < n && !isSeparator(s.charAt(i))) {
                    i++;
                }
                continue;
            }
            String key = s.substring(i, keyEnd);
            i = keyEnd + 1;
            String value;
            if (i < n && s.charAt(i) == '"') {
                int close = closingQuote(s, i + 1);
                value = unescapeQuoted(s, i + 1, close);
                i = close < n ? close + 1 : n;
            } else {
                int end = unquotedEnd(s, i);
                value = s.substring(i, trimEnd(s, i, end));
                i = end;
            }
            if (pairs < maxPairs) {
                sink.pair(key, value);
                pairs++;
            } else {
                dropped++;
            }
        }
        return new Result(pairs, dropped, strays);
    }

    private boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == separator && separator != 0;
    }

    /** End of a key ({@code =} index) starting at {@code i}, or -1 when no {@code key=} starts there. */
    private int keyEnd(String s, int i) {
        int j = i;
        while (j < s.length() && isKeyChar(s.charAt(j))) {
            j++;
        }
        return j > i && j < s.length() && s.charAt(j) == '=' ? j : -1;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '.' || c == '(' || c == ')' || c == '[' || c == ']' || c == '@' || c == ':' || c == '/';
    }

    /** Where an unquoted value ends: at a separator that is followed by the next {@code key=}, or the end. */
    private int unquotedEnd(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (isSeparator(c)) {
                int next = i;
                while (next < n && isSeparator(s.charAt(next))) {
                    next++;
                }
                // a separator other than whitespace always ends a value; whitespace only before a key
                if (c != ' ' && c != '\t' || next >= n || keyEnd(s, next) >= 0) {
                    return i;
                }
                i = next;
            } else {
                i++;
            }
        }
        return n;
    }

    private int trimEnd(String s, int start, int end) {
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    private static int closingQuote(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                i += 2;
            } else if (c == '"') {
                return i;
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static String unescapeQuoted(String s, int start, int end) {
        if (s.indexOf('\\', start) < 0 || s.indexOf('\\', start) >= end) {
            return s.substring(start, end);
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < end && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
