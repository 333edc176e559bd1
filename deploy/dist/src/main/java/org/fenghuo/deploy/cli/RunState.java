package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a running {@code fenghuo run} can be reached, written to {@code $FENGHUO_HOME/run.json}
 * so that {@code ingest} and {@code search} in another shell find it without flags.
 *
 * @param elasticsearchUrl Elasticsearch base URL
 * @param kafkaBootstrap   Kafka bootstrap servers
 * @param syslogUdp        host:port of the UDP syslog listener
 * @param syslogTcp        host:port of the TCP syslog listener
 * @param netflowUdp       host:port of the NetFlow/IPFIX listener
 * @param pid              the process id of {@code fenghuo run}
 * @param started          when it finished starting
 */
record RunState(String elasticsearchUrl, String kafkaBootstrap, String syslogUdp, String syslogTcp, String netflowUdp,
                long pid, Instant started) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code -Dfenghuo.home}, else {@code $FENGHUO_HOME}, else {@code ~/.fenghuo}. */
    static Path home() {
        String property = System.getProperty("fenghuo.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("FENGHUO_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".fenghuo");
    }

    static Path file() {
        return home().resolve("run.json");
    }

    void write() throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("elasticsearch_url", elasticsearchUrl).put("kafka_bootstrap", kafkaBootstrap)
                .put("syslog_udp", syslogUdp).put("syslog_tcp", syslogTcp).put("netflow_udp", netflowUdp).put("pid", pid)
                .put("started", started.toString());
        Files.createDirectories(home());
        Path tmp = Files.createTempFile(home(), "run", ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), node);
        Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void delete() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException ignored) {
            // a stale file is detected by its pid on the next read
        }
    }

    /** The state of a live {@code fenghuo run}; empty when none runs (a stale file is ignored). */
    static Optional<RunState> read() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            RunState state = new RunState(n.path("elasticsearch_url").asText(null), n.path("kafka_bootstrap").asText(null),
                    n.path("syslog_udp").asText(null), n.path("syslog_tcp").asText(null),
                    n.path("netflow_udp").asText(null), n.path("pid").asLong(-1),
                    Instant.parse(n.path("started").asText(Instant.EPOCH.toString())));
            boolean alive = ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(state) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
