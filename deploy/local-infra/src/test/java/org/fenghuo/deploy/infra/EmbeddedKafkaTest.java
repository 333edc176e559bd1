package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmbeddedKafkaTest {

    @Test
    void producesAndConsumesEveryRecordAndCleansUpOnClose() throws Exception {
        Path dataDir;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            System.out.printf("[startup] Kafka %s KRaft broker: %d ms%n", InfraVersions.kafka(),
                    kafka.startupTime().toMillis());
            dataDir = kafka.dataDir();
            assertThat(dataDir.resolve("meta.properties")).exists();

            assertThat(kafka.createTopic("fenghuo.events", 3)).isTrue();
            assertThat(kafka.createTopic("fenghuo.events", 3)).as("second creation is a no-op").isFalse();
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                assertThat(admin.describeTopics(List.of("fenghuo.events")).allTopicNames().get()
                        .get("fenghuo.events").partitions()).hasSize(3);
            }

            int n = 500;
            produce(kafka, "fenghuo.events", 0, n);
            assertThat(consume(kafka, "fenghuo.events", n)).hasSize(n).first().isEqualTo(value(0));
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void topicsAreCreatedAutomaticallyOnFirstWrite() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            produce(kafka, "fenghuo.auto", 0, 10);
            assertThat(consume(kafka, "fenghuo.auto", 10)).hasSize(10);
        }
    }

    @Test
    void aPersistentDataDirKeepsTopicsAndRecordsAcrossRestarts(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("kafka");
        int port = FreePorts.pick();
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(port).dataDir(data).start()) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(kafka.createTopic("fenghuo.alerts", 2)).isTrue();
            produce(kafka, "fenghuo.alerts", 0, 20);

            assertThatThrownBy(() -> EmbeddedKafka.builder().port(port).start())
                    .hasMessageContaining(Integer.toString(port)).hasMessageContaining("in use");
        }
        assertThat(data.resolve("meta.properties")).as("a given data dir is kept").exists();

        try (EmbeddedKafka again = EmbeddedKafka.builder().dataDir(data).start()) {
            System.out.printf("[startup] Kafka restart on existing data: %d ms%n", again.startupTime().toMillis());
            assertThat(again.createTopic("fenghuo.alerts", 2)).as("topic survived").isFalse();
            assertThat(consume(again, "fenghuo.alerts", 20)).hasSize(20);
        }
    }

    private static String value(int i) {
        return String.format("record-%05d", i);
    }

    private static void produce(EmbeddedKafka kafka, String topic, int from, int count) throws Exception {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (int i = from; i < from + count; i++) {
                producer.send(new ProducerRecord<>(topic, "10.0.0." + (i % 7), value(i)));
            }
            producer.flush();
            // Surface any send failure instead of finding fewer records later.
            producer.send(new ProducerRecord<>(topic, "check", "unused-marker")).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads until {@code expected} distinct record values (the marker excluded) or a deadline. */
    private static Set<String> consume(EmbeddedKafka kafka, String topic, int expected) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> values = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!record.value().equals("unused-marker") && !values.add(record.value())) {
                        duplicates.add(record.value());
                    }
                }
            }
        }
        assertThat(duplicates).as("records delivered twice").isEmpty();
        return values;
    }
}
