package org.fenghuo.collectors.edge;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.output.SpoolingKafkaOutput;
import org.fenghuo.collectors.spool.DurableSpool;
import org.fenghuo.collectors.spool.SpoolMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge process: spool, output, metrics endpoint and inputs, started in that order from a
 * validated {@link EdgeConfig} and stopped in the reverse order. Thread-safe to close once.
 */
public final class EdgeCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeCollector.class);
    /** How long a clean stop lets the drainer empty the spool when Kafka is up. */
    public static final Duration DRAIN_ON_STOP = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry;
    private final DurableSpool spool;
    private final SpoolingKafkaOutput output;
    private final MetricsServer metrics;
    private final List<InputFactory.Running> inputs;
    private boolean closed;

    private EdgeCollector(PrometheusMeterRegistry registry, DurableSpool spool, SpoolingKafkaOutput output,
            MetricsServer metrics, List<InputFactory.Running> inputs) {
        this.registry = registry;
        this.spool = spool;
        this.output = output;
        this.metrics = metrics;
        this.inputs = inputs;
    }

    /**
     * Starts everything; on any failure stops what already started and throws.
     *
     * @throws InputStartException when an input or the metrics endpoint cannot start (port taken,
     *                             no capture permission), or the spool cannot be opened
     */
    public static EdgeCollector start(EdgeConfig config) throws InputStartException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DurableSpool spool;
        try {
            spool = DurableSpool.open(config.spool());
        } catch (IOException e) {
            throw new InputStartException("spool: cannot open " + config.spool().dir() + ": " + e, e);
        }
        SpoolMetrics.bind(spool, registry);
        SpoolingKafkaOutput output;
        try {
            output = SpoolingKafkaOutput.start(config.kafka(), spool, registry);
        } catch (RuntimeException e) {
            // Kafka's own check of the producer settings (kafka.producer); an unreachable Kafka is not one
            closeQuietly(spool);
            throw new InputStartException("kafka.producer: the Kafka client refuses these settings: " + e.getMessage(), e);
        }
        MetricsServer server = null;
        List<InputFactory.Running> running = new ArrayList<>();
        try {
            if (config.metrics().enabled()) {
                server = MetricsServer.start(config.metrics().host(), config.metrics().port(), registry,
                        () -> health(output));
                LOG.info("metrics on http://{}/metrics", server.address());
            }
            for (EdgeConfig.Input input : config.inputs()) {
                output.register(input.name());
                CollectorMetrics.forInput(registry, input.name());
                try {
                    InputFactory.Running started = input.plan().start(output, registry);
                    running.add(started);
                    LOG.info("input {}", started.describe());
                } catch (Exception e) {
                    throw new InputStartException("input " + input.name() + " (" + input.type() + "): cannot start: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException | InputStartException e) {
            EdgeCollector partial = new EdgeCollector(registry, spool, output, server, running);
            partial.close();
            throw e instanceof InputStartException ise ? ise : new InputStartException(e.getMessage(), e);
        }
        return new EdgeCollector(registry, spool, output, server, running);
    }

    private static void closeQuietly(DurableSpool spool) {
        try {
            spool.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("spool {}: closing after a failed start: {}", spool.config().dir(), e.toString());
        }
    }

    private static String health(SpoolingKafkaOutput output) {
        return "ok kafka=" + (output.kafkaUp() ? "up" : "unreachable") + " spool_records="
                + output.spool().depthRecords();
    }

    public MeterRegistry registry() {
        return registry;
    }

    public SpoolingKafkaOutput output() {
        return output;
    }

    /** The metrics endpoint's address, or null when disabled. */
    public InetSocketAddress metricsAddress() {
        return metrics == null ? null : metrics.address();
    }

    /** One line for stderr: per-input counts, output and spool state. */
    public String statusLine() {
        StringBuilder line = new StringBuilder();
        line.append("received=").append(sum("fenghuo.collector.received"))
                .append(" parsed=").append(sum("fenghuo.collector.parsed"))
                .append(" malformed=").append(sum("fenghuo.collector.malformed"))
                .append(" dead_lettered=").append(sum("fenghuo.collector.dead_lettered"))
                .append(" spooled=").append(output.spooled())
                .append(" sent=").append(sum("fenghuo.collector.sent"))
                .append(" dropped=").append(output.dropped())
                .append(" spool=").append(spool.depthRecords()).append(" records/")
                .append(spool.depthBytes()).append(" bytes")
                .append(" kafka=").append(output.kafkaUp() ? "up" : "unreachable");
        return line.toString();
    }

    private long sum(String counter) {
        return (long) Search.in(registry).name(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /**
     * Stops the inputs (nothing new comes in; an input waiting for spool space gives up), lets the
     * output drain for up to {@link #DRAIN_ON_STOP} if Kafka is up, then closes the spool (forced
     * to disk) and the metrics endpoint. What is not in Kafka stays in the spool for the next start.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        output.stopWaiting();
        for (InputFactory.Running input : inputs) {
            try {
                input.close();
            } catch (RuntimeException e) {
                LOG.warn("{}", e.getMessage(), e);
            }
        }
        output.close(DRAIN_ON_STOP);
        try {
            spool.close();
        } catch (IOException e) {
            LOG.error("spool {}: closing failed: {}", spool.config().dir(), e.toString());
        }
        if (metrics != null) {
            metrics.close();
        }
        registry.close();
    }
}
