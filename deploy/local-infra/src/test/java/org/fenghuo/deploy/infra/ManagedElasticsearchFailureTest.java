package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot boot must fail the launch with its own explanation, and leave nothing running. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ManagedElasticsearchFailureTest {

    @Test
    void aBootFailureCarriesTheEndOfTheServerLog(@TempDir Path dir) throws IOException {
        assumeTrue(ElasticsearchFixture.external(System.getenv()).isEmpty(),
                "an external Elasticsearch is configured; local servers may not be wanted here");
        // @TempDir is private to root; as root the server's account must be able to enter it.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path workDir = dir.resolve("es");
        ElasticsearchConfig config = ElasticsearchConfig.defaults()
                .withWorkDir(workDir)
                .withSetting("fenghuo.no.such.setting", "x");

        assertThatThrownBy(() -> ManagedElasticsearch.launch(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before becoming healthy")
                .hasMessageContaining("unknown setting [fenghuo.no.such.setting]");

        // A given work dir is the caller's: kept for inspection, with the log that explains the failure.
        assertThat(EsProcess.logFile(workDir)).content().contains("fenghuo.no.such.setting");
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(workDir.toString())))
                .as("no Elasticsearch process left behind").isEmpty();
    }
}
