package org.fenghuo.correlation.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV form of the inventory: a header row, then one asset per line. Quotes as RFC 4180
 * ({@code "a,b"}, {@code ""} for a quote) within one line; blank lines and lines starting with
 * {@code #} are skipped.
 */
final class AssetCsv {
    private AssetCsv() {
    }

    static void read(String csv, ConfigReader in, List<AssetRow> rows, List<Integer> lines) {
        String[] text = csv.startsWith("\uFEFF") ? csv.substring(1).split("\r?\n", -1) : csv.split("\r?\n", -1);
        List<String> header = null;
        for (int i = 0; i < text.length; i++) {
            int line = i + 1;
            String raw = text[i];
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> cells = cells(raw);
            if (cells == null) {
                in.problem(line, "line", raw, "closed quotes (a quoted value must end on its line)");
                continue;
            }
            if (header == null) {
                header = header(cells, line, in);
                continue;
            }
            if (cells.size() > header.size()) {
                in.problem(line, "row " + line, cells.size() + " columns", "at most " + header.size() + " (the header's)");
            }
            AssetRow row = new AssetRow();
            for (int c = 0; c < Math.min(cells.size(), header.size()); c++) {
                String name = header.get(c);
                if (name != null && !cells.get(c).isBlank()) {
                    row.put(name, new AssetRow.Value(cells.get(c), null, line, "column " + name));
                }
            }
            rows.add(row);
            lines.add(line);
        }
    }

    private static List<String> header(List<String> cells, int line, ConfigReader in) {
        List<String> names = new ArrayList<>();
        for (String cell : cells) {
            String name = cell.trim().toLowerCase(java.util.Locale.ROOT);
            if (AssetRow.FIELDS.contains(name)) {
                names.add(name);
            } else {
                in.problem(line, "header", cell, "column names from " + AssetRow.FIELDS);
                names.add(null);
            }
        }
        for (String required : List.of("id", "criticality")) {
            if (!names.contains(required)) {
                in.problem(line, "header", String.join(",", cells), "a column named " + required);
            }
        }
        return names;
    }

    /** The cells of one line, or null when a quote is left open. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cell.toString());
        return out;
    }
}
