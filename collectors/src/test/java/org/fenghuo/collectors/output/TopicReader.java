package org.fenghuo.collectors.output;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic from the beginning in a fresh consumer group, for tests that check what arrived. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * The record values, in partition order, once {@code expected} arrived or the timeout passed;
     * then one more short poll, so duplicates arriving after the expected count show too.
     */
    public static List<String> values(String bootstrap, String topic, long expected, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (values.size() < expected && System.nanoTime() < deadline) {
                add(consumer, Duration.ofMillis(500), values);
            }
            add(consumer, Duration.ofSeconds(2), values);
        }
        return values;
    }

    private static void add(KafkaConsumer<byte[], byte[]> consumer, Duration poll, List<String> values) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(poll)) {
            values.add(new String(record.value(), StandardCharsets.UTF_8));
        }
    }
}
