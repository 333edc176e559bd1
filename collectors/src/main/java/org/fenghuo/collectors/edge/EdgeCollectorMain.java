package org.fenghuo.collectors.edge;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the edge collector until SIGTERM / Ctrl-C: {@code java ... EdgeCollectorMain --config
 * edge.yml}. {@code fenghuo collector} calls {@link #run}. Exit codes as the {@code fenghuo}
 * command: 0 stopped cleanly, 2 configuration error (each problem naming its key), 3 a part could
 * not start (port taken, spool not writable, capture not permitted).
 */
public final class EdgeCollectorMain {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_SERVICE = 3;
    public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(10);

    private EdgeCollectorMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !"--config".equals(args[0])) {
            System.err.println("usage: EdgeCollectorMain --config edge.yml");
            System.exit(EXIT_CONFIG);
        }
        System.exit(run(Path.of(args[1]), DEFAULT_STATUS_INTERVAL, new PrintWriter(System.err, true)));
    }

    /** Validates, starts, prints a status line every {@code statusInterval}, and returns after a shutdown signal. */
    public static int run(Path configFile, Duration statusInterval, PrintWriter err) {
        EdgeConfig config;
        try {
            config = EdgeConfigReader.standard().read(configFile);
        } catch (IOException e) {
            err.println("fenghuo collector: cannot read " + configFile + ": " + e.getMessage());
            return EXIT_CONFIG;
        } catch (EdgeConfigException e) {
            err.println("fenghuo collector: " + e.getMessage());
            return EXIT_CONFIG;
        }
        EdgeCollector collector;
        try {
            collector = EdgeCollector.start(config);
        } catch (InputStartException e) {
            err.println("fenghuo collector: " + e.getMessage());
            return EXIT_SERVICE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("fenghuo collector: stopping (inputs, then drain up to "
                    + EdgeCollector.DRAIN_ON_STOP.toSeconds() + " s, then the spool)");
            collector.close();
            err.println("fenghuo collector: stopped: " + collector.statusLine());
            stopped.countDown();
        }, "edge-collector-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("fenghuo collector: running with " + config.inputs().size() + " inputs, Kafka "
                + config.kafka().bootstrapServers() + ", spool " + config.spool().dir()
                + (collector.metricsAddress() != null ? ", metrics http://" + hostPort(collector) + "/metrics" : ""));
        try {
            while (!stopped.await(statusInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("fenghuo collector: " + collector.statusLine());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            collector.close();
        }
        return EXIT_OK;
    }

    private static String hostPort(EdgeCollector collector) {
        return collector.metricsAddress().getHostString() + ":" + collector.metricsAddress().getPort();
    }
}
