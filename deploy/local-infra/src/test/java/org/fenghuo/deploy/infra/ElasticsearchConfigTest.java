package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchConfigTest {

    @Test
    void defaultsComeFromThePomAndTheEnvironment() {
        ElasticsearchConfig config = ElasticsearchConfig.fromEnvironment(Map.of(
                ElasticsearchConfig.HEAP_ENV, "1g",
                ElasticsearchConfig.USER_ENV, "esuser",
                ElasticsearchConfig.CACHE_DIR_ENV, "/srv/cache"));

        assertThat(config.version()).isEqualTo(InfraVersions.elasticsearch()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(config.heap()).isEqualTo("1g");
        assertThat(config.runAsUser()).isEqualTo("esuser");
        assertThat(config.cacheDir()).isEqualTo(Path.of("/srv/cache"));
        assertThat(config.httpPort()).isZero();
        assertThat(config.workDir()).isNull();
    }

    @Test
    void theHeapDefaultsTo512m() {
        assertThat(ElasticsearchConfig.fromEnvironment(Map.of()).heap()).isEqualTo("512m");
    }

    @Test
    void badValuesAreRejectedWithTheirSource() {
        assertThatThrownBy(() -> ElasticsearchConfig.fromEnvironment(Map.of(ElasticsearchConfig.HEAP_ENV, "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lots").hasMessageContaining(ElasticsearchConfig.HEAP_ENV);
        assertThatThrownBy(() -> ElasticsearchConfig.fromEnvironment(Map.of()).withHttpPort(70000))
                .hasMessageContaining("70000");
    }

    @Test
    void theConfigurationFileHasWhatASingleLocalNodeNeeds(@org.junit.jupiter.api.io.TempDir Path dir) {
        ElasticsearchConfig config = ElasticsearchConfig.fromEnvironment(Map.of())
                .withSetting("indices.query.bool.max_clause_count", "4096")
                .withSetting("node.attr.note", "a \"quoted\": value");
        String yaml = EsConfigWriter.yaml(EsConfigWriter.settings(dir, config, 19200, 19300));

        assertThat(yaml)
                .contains("http.port: 19200\n", "transport.port: 19300\n", "network.host: 127.0.0.1\n",
                        "discovery.type: single-node\n", "xpack.security.enabled: false\n",
                        "cluster.routing.allocation.disk.threshold_enabled: false\n",
                        "path.data: " + dir.resolve("data") + "\n",
                        "indices.query.bool.max_clause_count: 4096\n",
                        "node.attr.note: \"a \\\"quoted\\\": value\"\n")
                .doesNotContain("ingest.geoip");
        assertThat(EsConfigWriter.jvmOptions("768m")).contains("-Xms768m\n", "-Xmx768m\n");
    }
}
