package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionCacheTest {

    @TempDir
    Path dir;

    @Test
    void racingUnpackersAllGetOneCompleteTreeAndLeaveNoDebris() throws Exception {
        Path zip = distributionZip();
        DistributionCache cache = new DistributionCache(dir.resolve("cache"));
        int racers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.unpacked(zip, "dist-1.0", "bin/tool");
                }));
            }
            go.countDown();
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(dir.resolve("cache/dist-1.0"));
            }
        } finally {
            pool.shutdownNow();
        }

        Path home = dir.resolve("cache/dist-1.0");
        assertThat(home.resolve("lib/data.txt")).hasContent("payload");
        assertThat(Files.isExecutable(home.resolve("bin/tool"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("lib/data.txt"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("bin"))))
                .isEqualTo("rwxr-xr-x");
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("dist-1.0");
        }
    }

    @Test
    void aZipWithoutTheMarkerIsRefused() throws Exception {
        Path zip = distributionZip();
        DistributionCache cache = new DistributionCache(dir.resolve("cache"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.unpacked(zip, "dist-1.0", "bin/elasticsearch"))
                .hasMessageContaining("bin/elasticsearch");
        assertThat(dir.resolve("cache/dist-1.0")).doesNotExist();
    }

    /** A zip laid out like the distribution: one top directory, an executable under bin/. */
    private Path distributionZip() throws IOException {
        Path zip = dir.resolve("dist-1.0.zip");
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true",
                "enablePosixFileAttributes", "true"))) {
            Files.createDirectories(fs.getPath("/dist-1.0/bin"));
            Files.createDirectories(fs.getPath("/dist-1.0/lib"));
            Files.writeString(fs.getPath("/dist-1.0/bin/tool"), "#!/bin/sh\necho hi\n");
            Files.setPosixFilePermissions(fs.getPath("/dist-1.0/bin/tool"),
                    PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(fs.getPath("/dist-1.0/lib/data.txt"), "payload");
            Files.setPosixFilePermissions(fs.getPath("/dist-1.0/lib/data.txt"),
                    PosixFilePermissions.fromString("rw-------"));
        }
        return zip;
    }
}
