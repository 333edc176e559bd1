package org.fenghuo.correlation.output;

import java.nio.charset.StandardCharsets;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One Kafka record per element: key = its id (UTF-8), so all versions of one incident go to one
 * partition in order and compaction keeps the latest; value = its JSON (UTF-8).
 */
final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableFunction<T, String> id;
    private final SerializableFunction<T, String> json;

    JsonRecordSerializer(String topic, SerializableFunction<T, String> id, SerializableFunction<T, String> json) {
        this.topic = topic;
        this.id = id;
        this.json = json;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, id.apply(element).getBytes(StandardCharsets.UTF_8),
                json.apply(element).getBytes(StandardCharsets.UTF_8));
    }
}
