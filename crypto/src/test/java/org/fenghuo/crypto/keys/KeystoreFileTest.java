package org.fenghuo.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a new keystore never replaces a name that is taken, however the race goes. */
class KeystoreFileTest {

    private static final int WRITERS = 6;
    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    @Test
    void ofConcurrentCreatesExactlyOneWinsAndTheOthersAreToldItExists() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path path = dir.resolve("keystore-" + round + ".bcfks");
                CyclicBarrier start = new CyclicBarrier(WRITERS);
                List<Future<String>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String content = "writer " + w;
                    writers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            KeystoreFile.writeAtomically(path, content.getBytes(StandardCharsets.UTF_8), false);
                            return content;
                        } catch (UncheckedIOException e) {
                            assertThat(e).hasMessage("keystore " + path + " already exists")
                                    .hasCauseInstanceOf(FileAlreadyExistsException.class);
                            return null;
                        }
                    }));
                }
                List<String> winners = new ArrayList<>();
                for (Future<String> writer : writers) {
                    String won = writer.get(30, TimeUnit.SECONDS);
                    if (won != null) {
                        winners.add(won);
                    }
                }
                assertThat(winners).as("round %d", round).hasSize(1);
                assertThat(Files.readString(path)).isEqualTo(winners.get(0)); // nobody replaced the winner afterwards
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void aNameHeldByADanglingLinkIsNotReplacedEither() throws Exception {
        Path path = dir.resolve("keystore.bcfks");
        Files.createSymbolicLink(path, dir.resolve("elsewhere.bcfks"));
        assertThat(Files.exists(path)).isFalse(); // what an "exists?" check sees
        assertThatThrownBy(() -> KeystoreFile.writeAtomically(path, new byte[] {1}, false))
                .isInstanceOf(UncheckedIOException.class).hasMessage("keystore " + path + " already exists");
        assertThat(Files.isSymbolicLink(path)).isTrue();
        assertThat(dir.resolve("elsewhere.bcfks")).doesNotExist();
    }

    @Test
    void replacingWritesTheNewContentAndLeavesNoTemporaryFile() throws Exception {
        Path path = dir.resolve("keystore.bcfks");
        KeystoreFile.writeAtomically(path, new byte[] {1, 2}, false);
        KeystoreFile.writeAtomically(path, new byte[] {3}, true);
        assertThat(Files.readAllBytes(path)).containsExactly(3);
        assertThat(Files.isSymbolicLink(path)).isFalse();
        assertThat(Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(path);
        }
    }
}
