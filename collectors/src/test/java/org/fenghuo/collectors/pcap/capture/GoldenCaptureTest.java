package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every {@code pcap/capture/<case>.pcap|.pcapng} is read and what the reader delivers
 * (packets, problems, stats; one line each) must equal {@code <case>.expected.txt}. The
 * {@code libpcap-*} captures were written by tcpdump/libpcap, not by our test writer, so a layout
 * mistake shared by writer and reader cannot hide. After a deliberate change, regenerate with
 * {@code -Dfenghuo.golden.regenerate=true} and review the diff.
 */
class GoldenCaptureTest {
    static final Path DIR = Path.of("src/test/resources/pcap/capture");
    private static final boolean REGENERATE = Boolean.getBoolean("fenghuo.golden.regenerate");
    private static final HexFormat HEX = HexFormat.of();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng"))
                    .sorted().toList();
            assertThat(names).as("golden cases in %s", DIR.toAbsolutePath()).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheGoldenFile(String name) throws IOException {
        List<String> actual = run(DIR.resolve(name));
        Path expectedFile = DIR.resolve(name.substring(0, name.lastIndexOf('.')) + ".expected.txt");
        if (REGENERATE) {
            Files.writeString(expectedFile, String.join("\n", actual) + "\n");
            return;
        }
        assertThat(expectedFile).as("missing golden file; run with -Dfenghuo.golden.regenerate=true").exists();
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertThat(actual).as(name).containsExactlyElementsOf(expected);
    }

    static List<String> run(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        CaptureStats stats = CaptureReader.read(file,
                (linkType, nanos, wire, data, offset, length) -> lines.add(String.format(
                        "packet ts=%d.%09d link=%d wire=%d cap=%d data=%s", nanos / 1_000_000_000L,
                        nanos % 1_000_000_000L, linkType, wire, length,
                        HEX.formatHex(data, offset, offset + Math.min(length, 16)))),
                (kind, offset, reason) -> lines.add("problem " + kind + " @" + offset + " " + reason));
        lines.add("stats " + stats);
        return lines;
    }
}
