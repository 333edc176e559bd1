package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the broker configuration, formats the storage and starts the KRaft server for {@link EmbeddedKafka}. */
final class KafkaLauncher {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaLauncher.class);

    private KafkaLauncher() {
    }

    static EmbeddedKafka launch(int requestedPort, Path requestedDir, Map<String, String> overrides) {
        if (requestedPort != 0 && FreePorts.isTaken(requestedPort)) {
            throw new IllegalStateException("Kafka port " + requestedPort + " on 127.0.0.1 is already in use;"
                    + " stop whatever listens there or use port 0 for a free one");
        }
        boolean temporary = requestedDir == null;
        Path dir = temporary ? temporaryDir() : requestedDir.toAbsolutePath();
        long started = System.nanoTime();
        int port = FreePorts.orPick(requestedPort);
        Map<String, String> props = brokerConfig(port, FreePorts.pick(), dir);
        props.putAll(overrides);
        KafkaRaftServer server;
        try {
            Files.createDirectories(dir);
            KraftStorage.formatIfNeeded(dir, NODE_ID, CONTROLLER_LISTENER);
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                Dirs.deleteQuietly(dir);
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot prepare " + dir, io)
                    : (RuntimeException) e;
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, port, dir, temporary);
        try {
            server.startup();
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw new IllegalStateException("Kafka broker on 127.0.0.1:" + port + " failed to start: " + e, e);
        }
        kafka.startupTime(Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Kafka {} broker up at {} in {} ms (data {})", InfraVersions.kafka(), kafka.bootstrapServers(),
                kafka.startupTime().toMillis(), dir);
        return kafka;
    }

    static Map<String, String> brokerConfig(int port, int controllerPort, Path dir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // Static voters: the controller address lives in the config, not in the formatted storage, so a
        // persistent data dir can restart with a different controller port.
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dir.toString());
        // A single broker can only ever hold one replica of the internal topics.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers in tests join alone; the default 3 s delay would only slow every first poll.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        return p;
    }

    private static Path temporaryDir() {
        try {
            return Files.createTempDirectory("fenghuo-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Kafka data directory", e);
        }
    }
}
