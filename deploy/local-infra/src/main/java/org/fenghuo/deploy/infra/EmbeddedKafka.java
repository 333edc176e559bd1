package org.fenghuo.deploy.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM on 127.0.0.1.
 * {@code EmbeddedKafka.start()} gives a throw-away broker on a free port; the builder gives a fixed port
 * and a persistent data directory for the all-in-one mode.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final Thread shutdownHook;
    private Duration startupTime = Duration.ZERO;
    private Admin admin;
    private boolean closed;

    EmbeddedKafka(KafkaRaftServer server, int port, Path dataDir, boolean temporary) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.temporaryDataDir = temporary;
        this.shutdownHook = new Thread(this::close, "fenghuo-kafka-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A broker on a free port with a temporary data directory (deleted on close). */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Time from formatting the storage to a broker that answers clients. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Client properties pointing at this broker; add serializers, group id etc. as needed. */
    public Map<String, Object> clientProperties() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    /**
     * Creates a topic with replication factor 1 and waits until the controller has it.
     *
     * @return false if it already existed (a persistent data dir), true if created now
     */
    public synchronized boolean createTopic(String name, int partitions) {
        try {
            admin().createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + name + " took more than " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** Shuts the broker down cleanly; a temporary data directory is deleted, a given one is kept. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker on port {} did not shut down cleanly", port, e);
        }
        if (temporaryDataDir) {
            Dirs.deleteQuietly(dataDir);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs close() itself.
            }
        }
    }

    private Admin admin() {
        if (closed) {
            throw new IllegalStateException("this EmbeddedKafka is closed");
        }
        if (admin == null) {
            admin = Admin.create(clientProperties());
        }
        return admin;
    }

    /** Options for {@link EmbeddedKafka}. */
    public static final class Builder {
        private int port;
        private Path dataDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Client (PLAINTEXT) port on 127.0.0.1; 0, the default, picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("Kafka port: expected 0 (free) or 1-65535, got " + value);
            }
            this.port = value;
            return this;
        }

        /** Keeps logs and metadata here across restarts (topics survive); default: a temporary directory. */
        public Builder dataDir(Path value) {
            this.dataDir = value;
            return this;
        }

        /** Any broker setting, applied after (and over) ours. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafka start() {
            return KafkaLauncher.launch(port, dataDir, overrides);
        }
    }

    void startupTime(Duration value) {
        startupTime = value;
    }

    /** startup() returns once the broker is unfenced; this also proves that a client can reach it. */
    synchronized void awaitReady() {
        try {
            admin().describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " does not answer clients", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
