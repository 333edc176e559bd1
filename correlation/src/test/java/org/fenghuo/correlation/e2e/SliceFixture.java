package org.fenghuo.correlation.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.output.KafkaEventSink;
import org.fenghuo.collectors.output.KafkaSinkConfig;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;

/** Helpers the end-to-end tests share: syslog files, ingestion through Kafka, counting in ES. */
final class SliceFixture {
    private SliceFixture() {
    }

    /** {@code count} distinct syslog lines, alternating RFC 5424 and RFC 3164, from {@code first}. */
    static List<String> syslogLines(int first, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            String ip = "10.20." + (i / 250 % 250) + "." + (i % 250 + 1);
            if (i % 2 == 0) {
                lines.add("<38>1 2026-11-23T10:00:" + String.format("%02d", i % 60) + ".000Z gw1 sshd " + (1000 + i)
                        + " - [meta seq=\"" + i + "\"] Failed password for root from " + ip + " port 40022 ssh2");
            } else {
                lines.add("<86>Nov 23 10:01:" + String.format("%02d", i % 60) + " web2 sudo[" + (2000 + i) + "]: alice :"
                        + " TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls seq=" + i + " from " + ip);
            }
        }
        return lines;
    }

    static Path writeFile(Path dir, String name, List<String> lines, byte[]... badLines) throws IOException {
        Path file = dir.resolve(name);
        try (var out = Files.newOutputStream(file)) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (byte[] bad : badLines) {
                out.write(bad);
                out.write('\n');
            }
        }
        return file;
    }

    /** Reads the file through the syslog collector into Kafka, as `fenghuo ingest syslog` does. */
    static CollectorStats ingest(Path file, String bootstrap, String eventsTopic, String deadLetterTopic) throws IOException {
        KafkaSinkConfig config = KafkaSinkConfig.of(bootstrap).withTopics(eventsTopic, deadLetterTopic);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaEventSink sink = new KafkaEventSink(config, registry)) {
            CollectorStats stats = new SyslogFileReader(SyslogInputConfig.file(), sink, registry).read(file);
            sink.flush();
            if (sink.failures() > 0) {
                throw new IllegalStateException(sink.failures() + " records failed to reach Kafka");
            }
            return stats;
        }
    }

    /** Puts one raw record on a topic, bypassing the collector (for input the collector would never make). */
    static void produceRaw(String bootstrap, String topic, String value) throws Exception {
        java.util.Map<String, Object> config = java.util.Map.of("bootstrap.servers", bootstrap,
                "key.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName(),
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]>(config)) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic,
                    value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }

    static long count(ElasticsearchClient client, String indexPattern) throws IOException {
        client.indices().refresh(r -> r.index(indexPattern).ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index(indexPattern).ignoreUnavailable(true).allowNoIndices(true)).count();
    }

    static long count(ElasticsearchClient client, String indexPattern, String query) throws IOException {
        client.indices().refresh(r -> r.index(indexPattern).ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index(indexPattern).ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.queryString(qs -> qs.query(query)))).count();
    }

    /**
     * Polls until {@code value} reaches {@code target} or the deadline passes, and returns the last
     * value: the test asserts on the value, never on how long it took.
     */
    static long awaitValue(LongSupplier value, long target, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        long last = value.getAsLong();
        while (last < target && Instant.now().isBefore(end)) {
            Thread.sleep(250);
            last = value.getAsLong();
        }
        return last;
    }

    /** Every Fenghuo index gone: each test starts and ends with an empty store. */
    static void deleteFenghuoIndices(ElasticsearchClient client) throws IOException {
        client.indices().delete(d -> d.index("fenghuo-*").ignoreUnavailable(true).allowNoIndices(true));
    }

    /** Closes what a test class started; each may be null (its start failed). */
    static void closeServers(ElasticsearchClient client, org.fenghuo.deploy.infra.EmbeddedKafka kafka,
            org.fenghuo.deploy.infra.ElasticsearchEndpoint elasticsearch) throws Exception {
        ElasticsearchClients.closeQuietly(client);
        if (kafka != null) {
            kafka.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }
}
