package org.fenghuo.crypto.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fenghuo.crypto.audit.TrailAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per trail file across processes: a second JVM is refused while this one holds the
 * trail, even after this one has read the file back (on Linux, closing any descriptor of a file
 * drops the process's fcntl locks on it, so the lock must not be on the file that is read).
 */
class FileAuditStoreLockTest {

    @TempDir
    Path dir;

    private record Probe(int exit, String out) {
    }

    private static Probe probe(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe JVM finished").isTrue();
        return new Probe(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void secondProcessIsRefusedWhileTheFirstHoldsTheTrailAfterReadingIt() throws Exception {
        Path file = dir.resolve("audit.log");
        TrailAccess.create().write(FileAuditStore.open(file, FsyncPolicy.NONE)); // a trail with content, closed
        try (FileAuditStore store = FileAuditStore.open(file, FsyncPolicy.NONE)) {
            assertThat(store.last()).isPresent();
            assertThat(store.readAll()).hasSize(16);
            assertThat(FileAuditStore.read(file)).hasSize(16); // anyone else in this JVM reading the file
            assertThat(Files.readAllBytes(file)).isNotEmpty();

            Probe refused = probe(file);
            assertThat(refused.exit()).as(refused.out()).isEqualTo(LockProbe.REFUSED);
            assertThat(refused.out()).contains("locked by another writer");
        }
        Probe acquired = probe(file);
        assertThat(acquired.exit()).as(acquired.out()).isEqualTo(LockProbe.ACQUIRED);
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedWithoutDroppingTheFirstLock() throws Exception {
        Path file = dir.resolve("same.log");
        try (FileAuditStore first = FileAuditStore.open(file, FsyncPolicy.NONE)) {
            for (int i = 0; i < 2; i++) {
                try {
                    FileAuditStore.open(file, FsyncPolicy.NONE).close();
                    throw new AssertionError("second open in the same JVM was allowed");
                } catch (IOException e) {
                    assertThat(e.getMessage()).contains("locked by another writer");
                }
            }
            Probe refused = probe(file);
            assertThat(refused.exit()).as(refused.out()).isEqualTo(LockProbe.REFUSED);
        }
    }
}
