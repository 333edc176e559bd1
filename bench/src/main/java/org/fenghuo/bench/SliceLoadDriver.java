package org.fenghuo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.flink.core.execution.JobClient;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.output.KafkaEventSink;
import org.fenghuo.collectors.output.KafkaSinkConfig;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;
import org.fenghuo.correlation.job.KafkaToElasticsearch;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.deploy.infra.ElasticsearchEndpoint;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.events.SecurityEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * End-to-end throughput of the walking skeleton on this machine: syslog file -> collector ->
 * Kafka -> Flink job -> Elasticsearch, timed from the first line read until the last document is
 * searchable. The peer run, on the same Elasticsearch in the same process, bulk-indexes the same
 * events directly: the ratio says how much of Elasticsearch's own ceiling the slice reaches.
 */
@Command(name = "slice-load", mixinStandardHelpOptions = true,
        description = "Measure the syslog -> Kafka -> Flink -> Elasticsearch slice, and a direct-bulk peer.")
public final class SliceLoadDriver implements Callable<Integer> {

    @Option(names = "--events", defaultValue = "100000", description = "Syslog lines per run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--runs", defaultValue = "2", description = "Measured runs of each side (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SliceLoadDriver()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("fenghuo-bench");
        Path file = SyntheticSyslog.write(dir.resolve("load.log"), events);
        System.out.printf(Locale.ROOT, "slice-load: %d lines, %.1f MB, %d runs per side, Flink parallelism %d, %d cores%n",
                events, Files.size(file) / 1e6, runs, parallelism, Runtime.getRuntime().availableProcessors());
        try (ElasticsearchEndpoint es = ElasticsearchFixture.obtain(); EmbeddedKafka kafka = EmbeddedKafka.start()) {
            es.managed().ifPresent(m -> System.out.printf(Locale.ROOT, "startup: Elasticsearch %.1f s%n",
                    m.startupTime().toMillis() / 1000.0));
            System.out.printf(Locale.ROOT, "startup: Kafka %.1f s%n", kafka.startupTime().toMillis() / 1000.0);
            ElasticsearchClient client = ElasticsearchClients.create(es.url());
            try {
                List<SecurityEvent> parsed = parse(file);
                List<Double> slice = new ArrayList<>();
                List<Double> direct = new ArrayList<>();
                for (int run = 0; run <= runs; run++) { // run 0 warms up the JIT, Kafka and ES
                    double s = sliceRun(file, kafka, es.url(), client, run);
                    double d = DirectBulkPeer.run(parsed, es.url(), client);
                    String label = run == 0 ? "warm-up" : "run " + run;
                    System.out.printf(Locale.ROOT, "%-8s slice %,10.0f events/s   direct bulk %,10.0f events/s   ratio %.2f%n",
                            label, s, d, s / d);
                    if (run > 0) {
                        slice.add(s);
                        direct.add(d);
                    }
                }
                double s = median(slice);
                double d = median(direct);
                System.out.printf(Locale.ROOT, "result: slice %.0f events/s, direct bulk %.0f events/s, slice/direct %.2f (medians of %d)%n",
                        s, d, s / d, runs);
            } finally {
                ElasticsearchClients.closeQuietly(client);
            }
        }
        return 0;
    }

    private static List<SecurityEvent> parse(Path file) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        new SyslogFileReader(SyslogInputConfig.file(), sink, new SimpleMeterRegistry()).read(file);
        return sink.events();
    }

    /** One slice run on fresh topics and indices; returns events per second. */
    private double sliceRun(Path file, EmbeddedKafka kafka, String esUrl, ElasticsearchClient client, int run)
            throws Exception {
        Indices.deleteFenghuo(client);
        String events = "bench-events-" + run;
        String deadLetters = "bench-deadletter-" + run;
        kafka.createTopic(events, parallelism);
        kafka.createTopic(deadLetters, 1);
        JobClient job = KafkaToElasticsearch.defaults(kafka.bootstrapServers(), esUrl)
                .withTopics(events, deadLetters).withGroupId("bench-" + run)
                .start(LocalEnvironments.create(parallelism));
        try {
            long start = System.nanoTime();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (KafkaEventSink sink = new KafkaEventSink(KafkaSinkConfig.of(kafka.bootstrapServers())
                    .withTopics(events, deadLetters), registry)) {
                new SyslogFileReader(SyslogInputConfig.file(), sink, registry).read(file);
                sink.flush();
            }
            Indices.awaitCount(client, "fenghuo-events-*", this.events, Duration.ofMinutes(10));
            return this.events / ((System.nanoTime() - start) / 1e9);
        } finally {
            job.cancel().get();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
