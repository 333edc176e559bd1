package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fenghuo.collectors.edge.EdgeConfig;
import org.fenghuo.collectors.edge.EdgeConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorCommandTest {

    @TempDir
    Path dir;

    @Test
    void theShippedEdgeYmlIsValidAndMeansTheDefaults() throws Exception {
        EdgeConfig config = EdgeConfigReader.standard().read(Path.of("src/dist/conf/edge.yml"));
        assertThat(config.inputs()).extracting(EdgeConfig.Input::name).containsExactly("syslog-udp", "syslog-tcp");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.spool().dir()).isEqualTo(Path.of("src/dist/conf/spool").toAbsolutePath());
    }

    @Test
    void aConfigurationErrorIsExitCodeTwoAndNamesTheKey() throws IOException {
        Path config = Files.writeString(dir.resolve("edge.yml"), "inputs: [{type: syslog_tcp, port: 70000}]\n");
        CliRunner.Result result = CliRunner.run("collector", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(result.err()).contains("inputs[0].port: 70000 is not a port (1..65535, or 0 for a free one)");

        CliRunner.Result missing = CliRunner.run("collector", "--config", dir.resolve("absent.yml").toString());
        assertThat(missing.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(missing.err()).contains("cannot read").contains("absent.yml");
    }

    @Test
    void aPortAlreadyTakenIsExitCodeThreeNamingTheInput() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(dir.resolve("edge.yml"), """
                    kafka: {bootstrap: 127.0.0.1:1}
                    spool: {dir: %s}
                    metrics: {enabled: false}
                    inputs: [{type: syslog_tcp, name: fw, port: %d}]
                    """.formatted(dir.resolve("spool"), taken.getLocalPort()));
            CliRunner.Result result = CliRunner.run("collector", "--config", config.toString());
            assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_SERVICE);
            assertThat(result.err()).contains("input fw (syslog_tcp): cannot start").contains("cannot bind TCP");
        }
    }
}
