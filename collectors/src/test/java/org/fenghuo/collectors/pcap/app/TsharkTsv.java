package org.fenghuo.collectors.pcap.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file written by {@code collectors/conformance/tshark-fields.sh}: a header line (frame.number
 * then the fields) and one line per packet, cells separated by tabs, the occurrences of a field in
 * a packet joined by ",".
 *
 * @param header the field names
 * @param rows   every line after the header, split at each tab (empty cells kept)
 */
public record TsharkTsv(List<String> header, List<String[]> rows) {
    /** Reads {@code tsv} (UTF-8). */
    public static TsharkTsv read(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split("\t", -1));
        }
        return new TsharkTsv(List.of(lines.get(0).split("\t", -1)), rows);
    }

    /** A row's cells by field name; a field the row is too short for is absent. */
    public Map<String, String> named(String[] row) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size() && i < row.length; i++) {
            cells.put(header.get(i), row[i]);
        }
        return cells;
    }
}
