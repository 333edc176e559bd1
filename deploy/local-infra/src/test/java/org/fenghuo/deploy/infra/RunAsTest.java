package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunAsTest {

    @Test
    void asRootAnUnknownRequestedAccountIsAClearErrorNotACreation() {
        assumeTrue(RunAs.isRoot(), "only root switches accounts");
        assertThatThrownBy(() -> RunAs.forServer("fenghuo-no-such-user"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ElasticsearchConfig.USER_ENV)
                .hasMessageContaining("useradd");
        assertThat(RunAs.run(List.of("id", "fenghuo-no-such-user")).exit()).isNotZero();
    }

    @Test
    void rootItselfIsRefused() {
        assumeTrue(RunAs.isRoot(), "only root switches accounts");
        assertThatThrownBy(() -> RunAs.forServer("root")).hasMessageContaining("refuses to run as root");
    }

    @Test
    void asRootChildrenRunUnderTheDefaultAccount() {
        assumeTrue(RunAs.isRoot(), "only root switches accounts");
        RunAs runAs = RunAs.forServer(null);
        assertThat(runAs.switches()).isTrue();
        RunAs.Result whoami = RunAs.run(runAs.wrap(List.of("id", "-un")));
        assertThat(whoami.exit()).isZero();
        assertThat(whoami.output().trim()).isEqualTo(RunAs.DEFAULT_ACCOUNT);
    }

    @Test
    void aDirectoryTheAccountCannotEnterIsNamed(@TempDir Path dir) throws IOException {
        assumeTrue(RunAs.isRoot(), "only root switches accounts");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path secret = Files.createDirectory(dir.resolve("secret"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path inside = Files.createDirectories(secret.resolve("data"));
        RunAs runAs = RunAs.forServer(null);

        assertThatThrownBy(() -> runAs.checkAccess(List.of(), List.of(inside)))
                .hasMessageContaining("cannot write " + inside)
                .hasMessageContaining("cannot enter " + secret + ")");
    }

    @Test
    void withoutRootNothingIsWrapped() {
        assumeTrue(!RunAs.isRoot(), "runs for unprivileged users only");
        assertThat(RunAs.forServer("anyone").wrap(List.of("x"))).containsExactly("x");
    }
}
