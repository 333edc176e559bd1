package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fenghuo.correlation.pii.PiiSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run Fenghuo all-in-one: a local Elasticsearch (the 8.19 distribution from Maven Central, run "
                + "as an unprivileged user when you are root), an embedded Kafka broker, the correlation job on a "
                + "local Flink MiniCluster, and syslog listeners (UDP and TCP).",
                "Writes where everything is to $FENGHUO_HOME/run.json (default ~/.fenghuo) for `ingest` and `search`. "
                        + "Ctrl-C stops everything."},
        footer = {"", "Exit codes: 0 stopped cleanly, 2 bad option, 3 a service failed to start."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address of the syslog and NetFlow listeners (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--syslog-port", defaultValue = "5514", description = "UDP and TCP syslog port (default: ${DEFAULT-VALUE}).")
    int syslogPort;

    @Option(names = "--netflow-port", defaultValue = "2055",
            description = "UDP port for NetFlow v5/v9 and IPFIX exports (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int netflowPort;

    @Option(names = "--kafka-port", defaultValue = "0", description = "Kafka port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--data-dir", description = "Keep Kafka and Elasticsearch data here across runs (default: temporary, "
            + "deleted on exit). As root, the directory must be reachable by the Elasticsearch user.")
    Path dataDir;

    @Option(names = "--es-url", description = "Use this Elasticsearch instead of starting one (also $FENGHUO_ES_URL).")
    String esUrl;

    @Option(names = "--parallelism", defaultValue = "1", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--time-zone", defaultValue = "UTC",
            description = "Zone of RFC 3164 syslog timestamps, which carry none, e.g. Asia/Shanghai (default: ${DEFAULT-VALUE}).")
    java.time.ZoneId timeZone;

    @Option(names = "--status-interval", defaultValue = "PT30S",
            description = "How often to print a status line on stderr, ISO-8601 (default: ${DEFAULT-VALUE}); PT0S for never.")
    Duration statusInterval;

    @Option(names = "--pii-policy", defaultValue = "default", paramLabel = "FILE",
            description = "Personal-data policy (YAML, see crypto/README.md) applied before anything is stored "
                    + "(default: the shipped one).")
    String piiPolicy;

    @Option(names = "--no-pii-protection", negatable = false,
            description = "Store personal data in clear (ID and phone numbers, names...): for debugging only.")
    boolean noPiiProtection;

    @Option(names = "--exit-after", hidden = true, description = "Stop after this long (for tests and benchmarks).")
    Duration exitAfter;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        String externalEs = esUrl != null ? esUrl : System.getenv("FENGHUO_ES_URL");
        PrintWriter out = spec.commandLine().getOut();
        out.println("fenghuo: starting Elasticsearch, Kafka, the correlation job, the syslog and NetFlow listeners...");
        out.flush();
        AllInOne all;
        try {
            all = AllInOne.start(new AllInOne.Options(bind, syslogPort, netflowPort, kafkaPort, dataDir, externalEs, parallelism,
                    timeZone, !noPiiProtection, piiPolicy));
        } catch (RuntimeException e) {
            throw new ServiceUnavailableException("could not start: " + e.getMessage(), e);
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable shutdown = () -> {
            if (closed.compareAndSet(false, true)) {
                RunState.delete();
                // the last counts, so a short run (or one stopped between status lines) still reports them
                spec.commandLine().getErr().println("fenghuo status: " + all.status());
                spec.commandLine().getErr().flush();
                all.close();
                // here, not after call()'s wait: on Ctrl-C only the hook gets this far
                out.println("fenghuo: stopped");
                out.flush();
            }
        };
        // On SIGTERM/Ctrl-C the JVM only waits for hooks, so the hook itself stops everything.
        Thread hook = new Thread(shutdown, "fenghuo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        new RunState(all.elasticsearchUrl(), all.kafkaBootstrap(), all.syslogUdp(), all.syslogTcp(), all.netflowUdp(),
                ProcessHandle.current().pid(), Instant.now()).write();
        printBanner(out, all);
        waitForStop(all);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: it does the same idempotent shutdown
        }
        shutdown.run();
        return FenghuoCli.EXIT_OK;
    }

    /** Ends a running {@code call()} as --exit-after would; for tests and embedding. */
    void requestStop() {
        stopRequested.countDown();
    }

    private void waitForStop(AllInOne all) throws InterruptedException {
        long deadline = exitAfter == null ? Long.MAX_VALUE : System.nanoTime() + exitAfter.toNanos();
        long step = statusInterval.isZero() ? TimeUnit.MINUTES.toNanos(1) : statusInterval.toNanos();
        while (System.nanoTime() < deadline) {
            long wait = Math.min(step, deadline - System.nanoTime());
            if (stopRequested.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (!statusInterval.isZero()) {
                spec.commandLine().getErr().println("fenghuo status: " + all.status());
            }
        }
    }

    private void validate() {
        if (syslogPort < 0 || syslogPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--syslog-port must be 0..65535, was " + syslogPort);
        }
        if (netflowPort < 0 || netflowPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--netflow-port must be 0..65535, was " + netflowPort);
        }
        if (kafkaPort < 0 || kafkaPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--kafka-port must be 0..65535, was " + kafkaPort);
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be 1..64, was " + parallelism);
        }
        if (statusInterval.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--status-interval must not be negative, was " + statusInterval);
        }
        if (!noPiiProtection) {
            // the policy now, as a bad option, rather than as a job that does not start
            java.util.List<String> problems = PiiSettings.ephemeral().withPolicy(piiPolicy).problems(java.util.Map.of());
            if (!problems.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--pii-policy: " + String.join("; ", problems));
            }
        }
    }

    /**
     * The sample log, named as the README names it when run from a checkout: a file's absolute
     * path is part of its events' ids, so two names for one file would store its events twice.
     */
    private static String sampleLog() {
        if (java.nio.file.Files.isRegularFile(Path.of("samples", "auth.log"))) {
            return "samples/auth.log";
        }
        String dist = System.getProperty("fenghuo.dist.home");
        return dist != null ? Path.of(dist, "samples", "auth.log").toString() : "/var/log/auth.log";
    }

    private static void printBanner(PrintWriter out, AllInOne all) {
        AllInOne.StartupTimes t = all.startupTimes();
        out.printf("Fenghuo is running (started in %.1f s).%n", t.total().toMillis() / 1000.0);
        out.printf("  Elasticsearch  %-28s started in %5.1f s%n", all.elasticsearchUrl(), t.elasticsearch().toMillis() / 1000.0);
        out.printf("  Kafka          %-28s started in %5.1f s%n", all.kafkaBootstrap(), t.kafka().toMillis() / 1000.0);
        out.printf("  Flink job      %-28s started in %5.1f s%n", "fenghuo-correlation (local)", t.job().toMillis() / 1000.0);
        out.printf("  Syslog         udp %s, tcp %s%n", all.syslogUdp(), all.syslogTcp());
        out.printf("  NetFlow/IPFIX  udp %s%n", all.netflowUdp());
        out.printf("  Personal data  protected with %s%n", all.piiKeys());
        out.printf("  State          %s%n", RunState.file());
        out.println("Try, in another shell:");
        out.println("  ./fenghuo ingest syslog " + sampleLog());
        out.println("  logger -n 127.0.0.1 -P " + all.syslogUdp().replaceAll(".*:", "") + " -d 'hello fenghuo'");
        out.println("  ./fenghuo search 'log.syslog.appname:sshd'");
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

}
