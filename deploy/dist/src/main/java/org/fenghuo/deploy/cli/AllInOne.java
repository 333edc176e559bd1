package org.fenghuo.deploy.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.flink.core.execution.JobClient;
import org.fenghuo.collectors.output.KafkaEventSink;
import org.fenghuo.collectors.output.KafkaSinkConfig;
import org.fenghuo.collectors.netflow.NetflowInputConfig;
import org.fenghuo.collectors.netflow.NetflowUdpListener;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.collectors.syslog.SyslogTcpListener;
import org.fenghuo.collectors.syslog.SyslogUdpListener;
import org.fenghuo.correlation.job.KafkaToElasticsearch;
import org.fenghuo.correlation.output.OutputTopics;
import org.fenghuo.correlation.job.KafkaTopics;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.deploy.infra.ElasticsearchConfig;
import org.fenghuo.deploy.infra.ElasticsearchEndpoint;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.deploy.infra.ExternalElasticsearch;
import org.fenghuo.deploy.infra.ManagedElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import org.fenghuo.collectors.syslog.payload.PayloadRules;

/**
 * Everything of {@code fenghuo run} in one process: Elasticsearch (managed child process or
 * external), an embedded KRaft Kafka, the correlation job on a MiniCluster and the syslog
 * listeners. Started in dependency order, stopped in reverse; a failure part-way stops what
 * already started.
 */
final class AllInOne implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);

    /**
     * @param bind           address the syslog listeners bind to
     * @param syslogPort     UDP and TCP syslog port
     * @param netflowPort    UDP port of the NetFlow v5/v9 and IPFIX listener
     * @param kafkaPort      Kafka port, 0 for a free one
     * @param dataDir        where Kafka (and a managed Elasticsearch) keep data; null for temporary
     * @param externalEsUrl  use this Elasticsearch instead of starting one; null to start one
     * @param parallelism    Flink parallelism
     * @param timeZone       zone of RFC 3164 syslog timestamps, which carry none
     * @param piiProtection  protect personal data before it is stored (keys: {@link RunKeys})
     * @param piiPolicy      "default" or a personal-data policy file
     */
    record Options(String bind, int syslogPort, int netflowPort, int kafkaPort, Path dataDir, String externalEsUrl, int parallelism,
                   java.time.ZoneId timeZone, boolean piiProtection, String piiPolicy) {
    }

    /** How long each part took to start, for the banner and the closing note of a run. */
    record StartupTimes(Duration elasticsearch, Duration kafka, Duration job, Duration total) {
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private ElasticsearchEndpoint elasticsearch;
    private EmbeddedKafka kafka;
    private SyslogUdpListener udp;
    private SyslogTcpListener tcp;
    private NetflowUdpListener netflow;
    private KafkaEventSink sink;
    private StartupTimes times;
    private JobClient job;
    private String piiKeys;

    static AllInOne start(Options options) {
        AllInOne all = new AllInOne();
        try {
            all.startAll(options);
            return all;
        } catch (RuntimeException | Error e) {
            all.close();
            throw e;
        }
    }

    private void startAll(Options options) {
        long t0 = System.nanoTime();
        elasticsearch = startElasticsearch(options);
        started.push(elasticsearch);
        long t1 = System.nanoTime();
        EmbeddedKafka.Builder kafkaBuilder = EmbeddedKafka.builder().port(options.kafkaPort());
        if (options.dataDir() != null) {
            kafkaBuilder.dataDir(options.dataDir().resolve("kafka"));
        }
        kafka = kafkaBuilder.start();
        started.push(kafka);
        kafka.createTopic(KafkaTopics.EVENTS, 2);
        kafka.createTopic(KafkaTopics.DEAD_LETTERS, 1);
        // what the job publishes for the playbooks and the console (transactional: read them read_committed)
        kafka.createTopic(OutputTopics.ALERTS, 1);
        kafka.createTopic(OutputTopics.INCIDENTS, 1);
        long t2 = System.nanoTime();
        job = startJob(options);
        started.push(() -> job.cancel().get());
        long t3 = System.nanoTime();
        startSyslog(options);
        times = new StartupTimes(Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2),
                Duration.ofNanos(System.nanoTime() - t0));
    }

    private static ElasticsearchEndpoint startElasticsearch(Options options) {
        if (options.externalEsUrl() != null) {
            ExternalElasticsearch external = new ExternalElasticsearch(options.externalEsUrl());
            ElasticsearchReachability.require(external.url());
            return external;
        }
        ElasticsearchConfig config = ElasticsearchConfig.fromEnvironment(System.getenv());
        if (options.dataDir() != null) {
            config = config.withWorkDir(options.dataDir().resolve("elasticsearch"));
        }
        return ManagedElasticsearch.launch(config);
    }

    private JobClient startJob(Options options) {
        RunKeys.Choice keys = RunKeys.choose(options.piiProtection(), options.piiPolicy(), options.dataDir(), System.getenv());
        piiKeys = keys.description();
        try {
            return KafkaToElasticsearch.defaults(kafka.bootstrapServers(), elasticsearch.url())
                    .withPii(keys.settings())
                    .start(LocalEnvironments.create(options.parallelism()));
        } catch (Exception e) {
            throw new IllegalStateException("the correlation job did not start: " + e.getMessage(), e);
        }
    }

    private void startSyslog(Options options) {
        sink = new KafkaEventSink(KafkaSinkConfig.of(kafka.bootstrapServers()), registry);
        started.push(sink);
        try {
            // the standard payload parsers (CEF, firewalls, sshd, sudo, ...) on every message
            PayloadRules payloads = PayloadRules.defaults();
            udp = SyslogUdpListener.start(SyslogInputConfig.udp().withAddress(options.bind(), options.syslogPort())
                            .withTimeZone(options.timeZone()),
                    sink, registry, Clock.systemUTC(), payloads);
            started.push(udp);
            tcp = SyslogTcpListener.start(SyslogInputConfig.tcp().withAddress(options.bind(), options.syslogPort())
                            .withTimeZone(options.timeZone()),
                    sink, registry, Clock.systemUTC(), payloads);
            started.push(tcp);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot listen for syslog on " + options.bind() + ":" + options.syslogPort()
                    + " (" + e.getMessage() + "); choose another with --syslog-port", e);
        }
        try {
            NetflowInputConfig defaults = NetflowInputConfig.defaults();
            netflow = NetflowUdpListener.start(new NetflowInputConfig(defaults.name(), options.bind(),
                    options.netflowPort(), defaults.decoder()), sink, registry);
            started.push(netflow);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot listen for NetFlow on " + options.bind() + ":" + options.netflowPort()
                    + " (" + e.getMessage() + "); choose another with --netflow-port", e);
        }
    }

    String elasticsearchUrl() {
        return elasticsearch.url();
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    String syslogUdp() {
        return udp.localAddress().getHostString() + ":" + udp.localPort();
    }

    String netflowUdp() {
        return netflow.localAddress().getHostString() + ":" + netflow.localAddress().getPort();
    }

    String syslogTcp() {
        return tcp.localAddress().getHostString() + ":" + tcp.localPort();
    }

    /** Where the keys protecting personal data come from, for the banner. */
    String piiKeys() {
        return piiKeys;
    }

    StartupTimes startupTimes() {
        return times;
    }

    /** One line for the periodic status line: is everything alive, and what went through. */
    String status() {
        String es = elasticsearch.managed().map(m -> m.isRunning() ? "up" : "DOWN").orElse("external");
        return "job=" + jobStatus() + " elasticsearch=" + es + " | " + udp.stats().toStatusLine() + " | "
                + tcp.stats().toStatusLine() + " | " + netflow.stats().toStatusLine() + " | kafka send failures="
                + sink.failures();
    }

    private String jobStatus() {
        try {
            return job.getJobStatus().get(2, java.util.concurrent.TimeUnit.SECONDS).toString();
        } catch (Exception e) {
            return "UNKNOWN (" + e.getClass().getSimpleName() + ")";
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", part, e.toString());
            }
        }
    }
}
