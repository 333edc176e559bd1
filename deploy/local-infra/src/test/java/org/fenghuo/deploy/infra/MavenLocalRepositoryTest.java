package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenLocalRepositoryTest {

    @Test
    void settingsXmlLocalRepositoryIsHonoured(@TempDir Path home) throws IOException {
        Path settings = home.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <!-- <localRepository>/commented/out</localRepository> -->
                  <localRepository>${user.home}/maven-repo</localRepository>
                </settings>
                """);

        assertThat(MavenLocalRepository.fromSettings(settings, home)).contains(home.resolve("maven-repo"));
        assertThat(MavenLocalRepository.fromSettings(home.resolve("missing.xml"), home)).isEmpty();
    }

    @Test
    void artifactsFollowTheMaven2Layout() {
        assertThat(MavenLocalRepository.artifact(Path.of("/r"), "org.elasticsearch.distribution.integ-test-zip",
                "elasticsearch", "8.19.21", "zip"))
                .isEqualTo(Path.of("/r/org/elasticsearch/distribution/integ-test-zip/elasticsearch/8.19.21/"
                        + "elasticsearch-8.19.21.zip"));
    }

    @Test
    void repoLocalIsFoundInMavenCommandLines() {
        assertThat(MavenLocalRepository.fromArguments("-Xmx1g -Dmaven.repo.local=/ci/repo -B"))
                .contains(Path.of("/ci/repo"));
        assertThat(MavenLocalRepository.fromArguments("-Dmaven.repo.local=\"/with space/repo\""))
                .contains(Path.of("/with space/repo"));
        assertThat(MavenLocalRepository.fromArguments("-Xmx1g")).isEmpty();
    }
}
