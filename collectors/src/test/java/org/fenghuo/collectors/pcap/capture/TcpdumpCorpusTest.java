package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reads every capture of tcpdump's own test suite (hostile by design) when the shared data folder
 * is present: no exception may escape and every read must end. Totals go to stdout for the report.
 */
class TcpdumpCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("fenghuo.shared.data",
            "../../shared/data"), "captures", "tcpdump-tests");

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void readsEveryCaptureWithoutExceptionOrHang() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "tcpdump test captures not found at " + CORPUS.toAbsolutePath()
                + " (set -Dfenghuo.shared.data=DIR to point at shared/data); skipping the corpus read");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().collect(Collectors.toList());
        }
        assumeTrue(!files.isEmpty(), "no .pcap or .pcapng files under " + CORPUS.toAbsolutePath());

        long packets = 0;
        Map<ProblemKind, Long> problems = new EnumMap<>(ProblemKind.class);
        for (Path file : files) {
            CaptureStats stats = CaptureReader.read(file, (l, t, w, d, o, c) -> { }, ProblemHandler.IGNORE);
            assertThat(stats.bytesRead()).as(file.toString()).isLessThanOrEqualTo(Files.size(file));
            packets += stats.packets();
            stats.problems().forEach((kind, n) -> problems.merge(kind, n, Long::sum));
        }

        System.out.printf("tcpdump corpus: %d files, %d packets, problems %s%n", files.size(), packets, problems);
        assertThat(packets).isPositive();
    }
}
