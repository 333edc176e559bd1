package org.fenghuo.correlation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The cluster's lib/ is decided by the shade excludes of this module's pom: what the job jar leaves out. */
class FlinkLibTest {
    private static final Path REPO = Path.of("/home/ci/.m2/repository");

    private static Path jar(String group, String artifact, String version, String classifier) {
        return REPO.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar");
    }

    @Test
    void flinksRuntimeAndLoggingAreProvidedConnectorsAndOurDependenciesAreNot() throws Exception {
        FlinkLib lib = FlinkLib.fromPom(Path.of(System.getProperty("basedir", "."), "pom.xml"));

        assertThat(lib.provided(jar("org.apache.flink", "flink-runtime", "2.2.1", null))).isTrue();
        assertThat(lib.provided(jar("org.apache.flink", "flink-shaded-guava", "33.4.0-jre-20.0", null))).isTrue();
        assertThat(lib.provided(jar("com.esotericsoftware", "kryo", "5.6.2", null))).isTrue();
        assertThat(lib.provided(jar("org.apache.logging.log4j", "log4j-core", "2.25.3", null))).isTrue();

        assertThat(lib.provided(jar("org.apache.flink", "flink-connector-kafka", "5.0.0-2.2", null))).isFalse();
        assertThat(lib.provided(jar("org.apache.flink", "flink-runtime", "2.2.1", "tests"))).isFalse();
        assertThat(lib.provided(jar("org.apache.kafka", "kafka-clients", "4.2.0", null))).isFalse();
        assertThat(lib.provided(jar("com.espertech", "esper-runtime", "9.0.0", null))).isFalse();
        assertThat(lib.provided(jar("org.fenghuo", "fenghuo-events", "0.1.0-SNAPSHOT", null))).isFalse();
        assertThat(lib.provided(Path.of("/work/events/target/classes"))).isFalse();
    }
}
