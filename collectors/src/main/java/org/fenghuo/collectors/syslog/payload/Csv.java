package org.fenghuo.collectors.syslog.payload;

import java.util.ArrayList;
import java.util.List;

/** One CSV record (RFC 4180 quoting: {@code "a,b"}, {@code ""} for a quote), at most {@code maxColumns} columns. */
public final class Csv {

    private Csv() {
    }

    /** The columns, or null when a quoted field is not closed or there are more than {@code maxColumns}. */
    public static List<String> split(String s, int from, int maxColumns) {
        List<String> out = new ArrayList<>(64);
        int i = from;
        int n = s.length();
        while (true) {
            if (out.size() == maxColumns) {
                return null;
            }
            if (i < n && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = s.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(c);
                    i++;
                }
                out.add(sb.toString());
                if (i >= n) {
                    return out;
                }
                if (s.charAt(i) != ',') {
                    return null;
                }
                i++;
            } else {
                int comma = s.indexOf(',', i);
                if (comma < 0) {
                    out.add(s.substring(i));
                    return out;
                }
                out.add(s.substring(i, comma));
                i = comma + 1;
            }
        }
    }
}
