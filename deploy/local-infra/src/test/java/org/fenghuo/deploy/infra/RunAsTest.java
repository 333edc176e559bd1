package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
    void aPrivateDirectoryIsReportedByPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assumeTrue(RunAs.isRoot(), "only root switches accounts");
        java.nio.file.Path secret = dir.resolve("secret");
        java.nio.file.Files.createDirectories(secret, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        RunAs runAs = RunAs.forServer(null);
        assertThatThrownBy(() -> runAs.checkAccess(List.of(), List.of(secret)))
                .hasMessageContaining("cannot write " + secret);
    }

    @Test
    void withoutRootNothingIsWrapped() {
        assumeTrue(!RunAs.isRoot(), "runs for unprivileged users only");
        assertThat(RunAs.forServer("anyone").wrap(List.of("x"))).containsExactly("x");
    }
}
