package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch server (the Maven Central integ-test distribution) run as a child process on
 * 127.0.0.1, with its own working directory. As root it runs under an unprivileged account, because
 * Elasticsearch refuses root. It can be stopped and started again on the same port and data, and it is
 * killed when this JVM exits.
 */
public final class ManagedElasticsearch implements ElasticsearchEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedElasticsearch.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int BIND_ATTEMPTS = 3;

    private final ElasticsearchConfig config;
    private final Path esHome;
    private final Path workDir;
    private final boolean temporaryWorkDir;
    private final RunAs runAs;
    private final Thread shutdownHook;
    private int httpPort;
    private int transportPort;
    /** Volatile so the shutdown hook can kill a server that is still starting without taking the lock. */
    private volatile EsProcess process;
    private volatile Duration startupTime = Duration.ZERO;
    private volatile boolean closed;

    private ManagedElasticsearch(ElasticsearchConfig config, Path esHome, Path workDir, boolean temporary,
            RunAs runAs) {
        this.config = config;
        this.esHome = esHome;
        this.workDir = workDir;
        this.temporaryWorkDir = temporary;
        this.runAs = runAs;
        this.httpPort = config.httpPort();
        this.shutdownHook = new Thread(this::onJvmExit, "fenghuo-es-shutdown-" + workDir.getFileName());
    }

    /** Starts a server with {@link ElasticsearchConfig#defaults()}. */
    public static ManagedElasticsearch launch() {
        return launch(ElasticsearchConfig.defaults());
    }

    /**
     * Resolves the distribution (downloading it with Maven if needed), unpacks it once into the shared cache,
     * prepares a working directory and starts the server, returning once the cluster is yellow.
     */
    public static ManagedElasticsearch launch(ElasticsearchConfig config) {
        RunAs runAs = RunAs.forServer(config.runAsUser());
        Path esHome = distribution(config, RunAs.isRoot());
        boolean temporary = config.workDir() == null;
        Path workDir = temporary ? temporaryWorkDir() : config.workDir().toAbsolutePath();
        ManagedElasticsearch es = new ManagedElasticsearch(config, esHome, workDir, temporary, runAs);
        Runtime.getRuntime().addShutdownHook(es.shutdownHook);
        try {
            es.start();
        } catch (RuntimeException e) {
            es.close();
            throw e;
        }
        return es;
    }

    /**
     * Starts the server (again, after {@link #stop()}) on the same port, data and logs. Returns once it is
     * yellow; on failure the exception carries the end of the server log.
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("this ManagedElasticsearch is closed");
        }
        if (isRunning()) {
            return;
        }
        boolean portsFixed = httpPort != 0 || transportPort != 0;
        for (int attempt = 1; ; attempt++) {
            if (!portsFixed) {
                httpPort = FreePorts.pick();
                transportPort = FreePorts.pick();
            }
            try {
                startOnce();
                return;
            } catch (IllegalStateException e) {
                // A free port picked a moment ago may have been taken since: pick new ones, but only if we
                // chose them ourselves and never served on them (a restart must keep its port).
                boolean lostRace = e.getMessage() != null && (e.getMessage().contains("Address already in use")
                        || e.getMessage().contains("Failed to bind"));
                if (portsFixed || !lostRace || attempt >= BIND_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Elasticsearch could not bind port {} or {}; retrying with other free ports", httpPort,
                        transportPort);
            }
        }
    }

    private void startOnce() {
        if (transportPort == 0) {
            transportPort = FreePorts.pick();
        }
        EsConfigWriter.write(esHome, workDir, config, httpPort, transportPort);
        runAs.handOver(workDir);
        runAs.checkAccess(List.of(esHome.resolve("bin/elasticsearch"), config.effectiveJavaHome().resolve("bin/java")),
                List.of(EsConfigWriter.dataDir(workDir), EsConfigWriter.configDir(workDir)));
        long started = System.nanoTime();
        EsProcess launched = EsProcess.launch(esHome, workDir, config.effectiveJavaHome(), runAs);
        process = launched;
        try {
            launched.awaitHealthy(url(), config.startTimeout());
        } catch (RuntimeException e) {
            launched.kill();
            process = null;
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Elasticsearch {} up at {} in {} ms (as {}, work dir {})", config.version(), url(),
                startupTime.toMillis(), runAs.describe(), workDir);
    }

    /** Clean shutdown (SIGTERM, then kill after a grace period); data stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(STOP_GRACE);
            process = null;
        }
    }

    /** Stops the server, and deletes the working directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (temporaryWorkDir && !Boolean.getBoolean("fenghuo.es.keepWorkDir")) {
            Dirs.deleteQuietly(workDir);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or done.
        }
    }

    /** Unsynchronized: a start() may hold the lock for minutes, and exit must not wait for it. */
    private void onJvmExit() {
        closed = true;
        EsProcess running = process;
        if (running != null) {
            running.stop(Duration.ofSeconds(10));
        }
        if (temporaryWorkDir && !Boolean.getBoolean("fenghuo.es.keepWorkDir")) {
            Dirs.deleteQuietly(workDir);
        }
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public Optional<ManagedElasticsearch> managed() {
        return Optional.of(this);
    }

    public int httpPort() {
        return httpPort;
    }

    /** Time from process launch to a yellow cluster, for the most recent {@link #start()}. */
    public Duration startupTime() {
        return startupTime;
    }

    public Path workDir() {
        return workDir;
    }

    /** The server's console output (also the first place to look when it fails). */
    public Path logFile() {
        return EsProcess.logFile(workDir);
    }

    /** Where the distribution is unpacked (shared, read-only). */
    public Path home() {
        return esHome;
    }

    public boolean isRunning() {
        EsProcess running = process;
        return running != null && running.isAlive();
    }

    /** Process id of the launcher (the server JVM is its child), or -1 when stopped. */
    public long pid() {
        EsProcess running = process;
        return running == null ? -1 : running.pid();
    }

    private static Path distribution(ElasticsearchConfig config, boolean root) {
        Path zip = new EsDistributionResolver(config.version(), config.projectHome()).resolve();
        Path cacheBase = config.cacheDir() != null ? config.cacheDir() : DistributionCache.defaultBase(root);
        return new DistributionCache(cacheBase).unpacked(zip, "elasticsearch-" + config.version(), "bin/elasticsearch");
    }

    private static Path temporaryWorkDir() {
        try {
            // Under java.io.tmpdir (normally /tmp, world-traversable) so another account can be given it.
            return Files.createTempDirectory("fenghuo-es-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work dir for Elasticsearch", e);
        }
    }
}
