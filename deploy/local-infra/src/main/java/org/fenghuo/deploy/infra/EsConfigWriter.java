package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lays out one instance's working directory: a private copy of the distribution's config (the server writes
 * its keystore there), our elasticsearch.yml and heap options, and the data/logs/tmp/snapshots directories.
 */
final class EsConfigWriter {

    static final String CLUSTER_NAME = "fenghuo-local";

    private EsConfigWriter() {
    }

    static Path configDir(Path workDir) {
        return workDir.resolve("config");
    }

    static Path dataDir(Path workDir) {
        return workDir.resolve("data");
    }

    static Path logsDir(Path workDir) {
        return workDir.resolve("logs");
    }

    static Path tmpDir(Path workDir) {
        return workDir.resolve("tmp");
    }

    /** (Re)writes the instance configuration; data and the server-made keystore survive a second call. */
    static void write(Path esHome, Path workDir, ElasticsearchConfig config, int httpPort, int transportPort) {
        try {
            Path configDir = configDir(workDir);
            copyMissing(esHome.resolve("config"), configDir);
            for (Path dir : new Path[] {dataDir(workDir), logsDir(workDir), tmpDir(workDir),
                    workDir.resolve("snapshots")}) {
                Files.createDirectories(dir);
            }
            Files.writeString(configDir.resolve("elasticsearch.yml"),
                    yaml(settings(workDir, config, httpPort, transportPort)));
            Files.createDirectories(configDir.resolve("jvm.options.d"));
            Files.writeString(configDir.resolve("jvm.options.d/fenghuo.options"), jvmOptions(config.heap()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Elasticsearch configuration in " + workDir, e);
        }
    }

    static Map<String, String> settings(Path workDir, ElasticsearchConfig config, int httpPort, int transportPort) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("cluster.name", CLUSTER_NAME);
        s.put("node.name", "fenghuo-es-" + httpPort);
        s.put("path.data", dataDir(workDir).toString());
        s.put("path.logs", logsDir(workDir).toString());
        // Lets the playbooks' snapshot/restore actions use an "fs" repository without extra setup.
        s.put("path.repo", workDir.resolve("snapshots").toString());
        s.put("network.host", "127.0.0.1");
        s.put("http.port", Integer.toString(httpPort));
        s.put("transport.port", Integer.toString(transportPort));
        // Single-node discovery also keeps the production bootstrap checks (vm.max_map_count...) as warnings.
        s.put("discovery.type", "single-node");
        // The integ-test distribution ships x-pack-security and would otherwise demand TLS and passwords.
        // It has no ML or ingest-geoip module: ingest.geoip.downloader.enabled is rejected as unknown,
        // xpack.ml.enabled is accepted (declared by x-pack-core) and is set so a fuller distribution stays quiet.
        s.put("xpack.security.enabled", "false");
        s.put("xpack.ml.enabled", "false");
        // Tests delete indices by pattern between cases.
        s.put("action.destructive_requires_name", "false");
        // CI disks are often >90% full; with the watermarks on, new shards would stay unassigned (red).
        s.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        s.putAll(config.extraSettings());
        return s;
    }

    static String yaml(Map<String, String> settings) {
        StringBuilder out = new StringBuilder(
                "# Written by Fenghuo local-infra (ManagedElasticsearch) at every start; edits are overwritten.\n");
        settings.forEach((key, value) -> out.append(key).append(": ").append(quote(value)).append('\n'));
        return out.toString();
    }

    static String jvmOptions(String heap) {
        return "# Written by Fenghuo local-infra at every start.\n"
                + "-Xms" + heap + "\n"
                + "-Xmx" + heap + "\n"
                // Pre-touching the whole heap slows every start and commits memory that tests never use.
                + "-XX:-AlwaysPreTouch\n";
    }

    /** Plain scalars stay plain (YAML types them), anything else is double-quoted and escaped. */
    private static String quote(String value) {
        if (value.matches("[A-Za-z0-9._/-]+") && !value.matches("(?i)y|n|yes|no|on|off|null|~")) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void copyMissing(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(source, target);
                }
            }
        }
    }
}
