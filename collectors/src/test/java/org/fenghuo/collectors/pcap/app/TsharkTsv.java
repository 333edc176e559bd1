package org.fenghuo.collectors.pcap.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.testdata.SharedData;

/**
 * A file written by {@code collectors/conformance/tshark-fields.sh}: a header line (frame.number
 * then the fields) and one line per packet, cells separated by tabs, the occurrences of a field in
 * a packet joined by ",".
 *
 * @param header the field names
 * @param rows   every line after the header, split at each tab (empty cells kept)
 */
public record TsharkTsv(List<String> header, List<String[]> rows) {
    /**
     * A recorded TSV and the capture it was recorded from.
     *
     * @param name the capture's path under the shared captures, e.g. {@code ics/pcaps/s7/x.pcap}
     */
    public record Case(Path tsv, Path capture, String name) {
    }

    /**
     * The TSVs recorded for {@code name} ({@code conformance/tshark/NAME} on the test classpath)
     * whose capture is present under shared data, in path order. Skips the calling test when the
     * shared captures are absent; fails when nothing was recorded.
     */
    public static List<Case> cases(String name) throws IOException {
        Path captures = SharedData.require("captures");
        URL version = TsharkTsv.class.getResource("/conformance/tshark/" + name + "/TSHARK_VERSION");
        if (version == null) {
            throw new IllegalStateException("no recorded tshark output for " + name + " (run tshark-fields.sh)");
        }
        Path expected;
        try {
            expected = Path.of(version.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Case> cases = new ArrayList<>();
        for (Path tsv : SharedData.files(expected, ".tsv")) {
            String rel = expected.relativize(tsv).toString().replace('\\', '/').replaceFirst("\\.tsv$", "");
            Path capture = captures.resolve(rel);
            if (Files.isRegularFile(capture)) {
                cases.add(new Case(tsv, capture, rel));
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no capture found for the tshark output recorded for " + name);
        }
        return cases;
    }

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
