package org.fenghuo.collectors.pcap.app.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;

/** Test support: decodes shared captures with the TLS analyzer and reads recorded expectations. */
final class TlsCaptures {
    private TlsCaptures() {
    }

    /** The {@code pcap.tls} events of one capture, decoded through the whole chain. */
    static List<SecurityEvent> tlsEvents(Path capture) {
        List<SecurityEvent> events;
        try {
            events = TestCapture.decodeFile(capture, AppProtocols.of(new TlsProtocol())).events();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events.stream().filter(e -> "pcap.tls".equals(e.event().dataset())).toList();
    }

    /** A tab-separated resource: rows of cells, the header line left out, grouped by its first column. */
    static Map<String, List<List<String>>> tsvByFirstColumn(String resource) {
        try (InputStream in = Objects.requireNonNull(TlsCaptures.class.getResourceAsStream(resource), resource)) {
            Map<String, List<List<String>>> rows = new LinkedHashMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                List<String> cells = Arrays.asList(lines[i].split("\t", -1));
                rows.computeIfAbsent(cells.get(0), k -> new ArrayList<>()).add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of {@code expected} (a multiset) {@code actual} also holds. */
    static int matched(List<String> expected, List<String> actual) {
        List<String> left = new ArrayList<>(actual);
        int n = 0;
        for (String e : expected) {
            if (left.remove(e)) {
                n++;
            }
        }
        return n;
    }
}
