package org.fenghuo.correlation.output;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka record per element: key = its id (UTF-8), so all versions of one incident go to one
 * partition in order and compaction keeps the latest; value = its JSON (UTF-8).
 *
 * <p>An element whose record would exceed {@value #MAX_RECORD_BYTES} bytes is not sent: the producer
 * would refuse it (its {@code max.request.size} and the broker's {@code message.max.bytes} are about
 * 1 MB) and the refusal fails the job, on every replay. It is counted
 * ({@code kafkaRecordsTooLarge}) and logged with its id at ERROR; its Elasticsearch copy is still
 * written. Alerts are bounded where they are made, so this is the last line, not the rule.
 */
final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonRecordSerializer.class);
    /** Below the producer's default 1,048,576-byte request, leaving room for the record batch's headers. */
    static final int MAX_RECORD_BYTES = 1_000_000;

    private final String topic;
    private final SerializableFunction<T, String> id;
    private final SerializableFunction<T, String> json;
    private transient Counter tooLarge;

    JsonRecordSerializer(String topic, SerializableFunction<T, String> id, SerializableFunction<T, String> json) {
        this.topic = topic;
        this.id = id;
        this.json = json;
    }

    @Override
    public void open(SerializationSchema.InitializationContext context, KafkaSinkContext sinkContext) {
        tooLarge = context.getMetricGroup().counter("kafkaRecordsTooLarge");
    }

    /** @return the record, or null (not sent) when it is too large */
    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String key = id.apply(element);
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] value = json.apply(element).getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length + value.length > MAX_RECORD_BYTES) {
            tooLarge().inc();
            LOG.error("not sent to {}: {} of {} bytes is more than a Kafka record takes ({} bytes)", topic,
                    key.length() > 200 ? key.substring(0, 200) + "..." : key, keyBytes.length + value.length,
                    MAX_RECORD_BYTES);
            return null;
        }
        return new ProducerRecord<>(topic, null, timestamp, keyBytes, value);
    }

    /** Records not sent because they were too large (this instance's count). */
    long recordsTooLarge() {
        return tooLarge().getCount();
    }

    private Counter tooLarge() {
        if (tooLarge == null) {
            tooLarge = new SimpleCounter();
        }
        return tooLarge;
    }
}
