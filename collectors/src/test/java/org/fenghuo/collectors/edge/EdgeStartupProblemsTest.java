package org.fenghuo.collectors.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings that used to pass validation and then crash start-up with an exception instead of a
 * clear error (found by review), and a Kafka that cannot even be resolved, which must not stop
 * the collector from spooling.
 */
class EdgeStartupProblemsTest {

    @TempDir
    Path dir;

    private EdgeConfig config(String yaml) throws Exception {
        Path file = dir.resolve("edge.yml");
        Files.writeString(file, yaml + "\nmetrics: {enabled: false}\ninputs:\n  - {type: syslog_udp, port: 0}\n");
        return EdgeConfigReader.standard().read(file);
    }

    private List<String> problems(String yaml) {
        try {
            config(yaml);
        } catch (EdgeConfigException e) {
            return e.problems();
        } catch (Exception e) {
            throw new AssertionError("expected configuration problems, got " + e, e);
        }
        throw new AssertionError("expected configuration problems in:\n" + yaml);
    }

    @Test
    void hugeDurationsAndSegmentSizesAreConfigurationErrors() {
        assertThat(problems("spool:\n  fsync_interval: 9999999999999h")).singleElement().asString()
                .startsWith("spool.fsync_interval: '9999999999999h' is not a duration");
        assertThat(problems("spool:\n  fsync_interval: 99999999999999999999s")).singleElement().asString()
                .startsWith("spool.fsync_interval: '99999999999999999999s' is not a duration");
        assertThat(problems("spool:\n  segment_bytes: 4611686018427387904")).anySatisfy(p -> assertThat(p)
                .startsWith("spool.segment_bytes: 4611686018427387904 is more than 1073741824 bytes"));
    }

    @Test
    void producerSettingsKafkaRefusesAreAStartUpErrorNamingTheKey() throws Exception {
        EdgeConfig config = config("kafka:\n  producer: {max.in.flight.requests.per.connection: '6'}\nspool:\n  dir: "
                + dir.resolve("spool"));
        assertThatThrownBy(() -> EdgeCollector.start(config).close()).isInstanceOf(InputStartException.class)
                .hasMessageStartingWith("kafka.producer: ");
    }

    @Test
    void anUnresolvableKafkaStillStartsAndSpools() throws Exception {
        EdgeConfig config = config("kafka:\n  bootstrap: no-such-host.invalid:9092\nspool:\n  dir: " + dir.resolve("spool"));
        try (EdgeCollector collector = EdgeCollector.start(config)) {
            assertThat(collector.output().kafkaUp()).isFalse();
            assertThat(collector.output().spool().depthRecords()).isZero();
        }
    }
}
