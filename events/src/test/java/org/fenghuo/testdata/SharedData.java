package org.fenghuo.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The third-party data beside the checkout ({@code ../shared/data}) for conformance tests. A
 * user's clone has none: tests that need it are skipped with a message saying where we looked.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code -Dfenghuo.shared.data}, else the nearest ancestor of the working directory holding shared/data. */
    public static Path root() {
        String configured = System.getProperty("fenghuo.shared.data");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The folder {@code relative} under shared/data; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path root = root();
        Path dir = root == null ? null : root.resolve(relative);
        assumeTrue(dir != null && Files.isDirectory(dir), "shared/data/" + relative + " not found above "
                + Path.of("").toAbsolutePath() + " (set -Dfenghuo.shared.data=DIR): skipping this conformance test");
        return dir;
    }

    /** Files under {@code dir} (recursively) ending with one of {@code suffixes}, sorted. */
    public static List<Path> files(Path dir, String... suffixes) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted().collect(Collectors.toList());
        }
    }
}
