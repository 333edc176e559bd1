package org.fenghuo.detection.ioc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Plain and CSV indicator lists: one indicator per line, its type detected
 * ({@link IndicatorValues#detect}); {@code #} starts a comment (whole line, or after a blank);
 * fields are separated by a tab, comma or semicolon and may be double-quoted. A second field that
 * is a whole number is a hit count (ipsum's {@code IP<TAB>hits}: how many blacklists list the
 * address), turned into a confidence of {@code min(100, 10 x hits)}. A first line whose first
 * field is a column name ({@code ip}, {@code indicator}, {@code value} ...) is a header. A file
 * whose indicator lines are all broken is reported unreadable, not merely empty: it is most likely
 * not a list at all (an HTML error page, a binary), and a reload must not take it for an empty
 * feed. A file of only comments, blank lines and a header is a legitimately empty list.
 */
public final class IndicatorListLoader {
    private static final Set<String> HEADERS = Set.of("ip", "ip_address", "address", "indicator", "ioc", "value",
            "domain", "url", "hash", "md5", "sha1", "sha256", "network", "cidr", "host");

    private IndicatorListLoader() {
    }

    /** Never throws: an unreadable file gives an empty result whose report says so. */
    public static LoadResult load(Path file, String source) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, file.toString(), source);
        } catch (IOException e) {
            LoadCollector out = new LoadCollector(source);
            out.unreadable(LoadIssue.broken(file.toString(), 0, "cannot read: " + e));
            return out.result();
        }
    }

    public static LoadResult load(Reader reader, String fileName, String source) {
        LoadCollector out = new LoadCollector(source);
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        long number = 0;
        boolean firstData = true;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String text = stripComment(line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                List<String> fields = fields(text);
                boolean header = firstData && HEADERS.contains(fields.get(0).toLowerCase(java.util.Locale.ROOT));
                firstData = false;
                if (header) {
                    out.skip("header line");
                    continue;
                }
                line(out, fields, fileName, number);
            }
        } catch (IOException e) {
            out.unreadable(LoadIssue.broken(fileName, number + 1, "read failed: " + e));
            return out.result();
        }
        if (out.loaded() == 0 && out.broken() > 0) {
            out.unusable(LoadIssue.broken(fileName, 0, "no usable line: all " + out.broken()
                    + " indicator lines are broken (not an indicator list?)"));
        }
        return out.result();
    }

    private static void line(LoadCollector out, List<String> fields, String fileName, long number) {
        IndicatorValues.Checked checked = IndicatorValues.detect(fields.get(0));
        if (!checked.ok()) {
            out.issue(LoadIssue.broken(fileName, number, checked.error()));
            return;
        }
        Integer confidence = null;
        if (fields.size() > 1) {
            String second = fields.get(1).strip();
            if (!second.isEmpty() && second.chars().allMatch(c -> c >= '0' && c <= '9')) {
                confidence = second.length() > 2 ? 100 : Math.min(100, 10 * Integer.parseInt(second));
            }
        }
        out.add(new Indicator(checked.type(), checked.value(), out.source(), null, null, confidence, null, null, null, null,
                List.of(), fileName,
                (int) Math.min(Integer.MAX_VALUE, number)));
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static List<String> fields(String text) {
        List<String> out = new java.util.ArrayList<>(2);
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) == '"') {
                quoted = !quoted;
            } else if (i == text.length() || !quoted && "\t,;".indexOf(text.charAt(i)) >= 0) {
                out.add(unquote(text.substring(start, i).strip()));
                start = i + 1;
            }
        }
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
