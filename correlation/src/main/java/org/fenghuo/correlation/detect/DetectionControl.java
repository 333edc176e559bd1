package org.fenghuo.correlation.detect;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fenghuo.events.DeadLetter;

/**
 * The detection control stream: JSON records on a Kafka topic (default {@value #TOPIC}), decoded
 * into {@link DetectionUpdate}s. Kafka because the job already reads it, every subtask sees the same
 * ordered log, and a restored job re-reads from its checkpointed offset. Formats:
 *
 * <pre>
 * {"version": 7}                                   reload the job's own settings (files edited in place)
 * {"version": 8, "sigma_rules": ["/etc/fenghuo/rules"], "pipelines": ["standard"],
 *  "placeholders": null, "exceptions": null, "indicators": ["list:/etc/fenghuo/ipsum.txt"], "strict": true}
 * </pre>
 *
 * A record that is not such a document becomes a dead letter with the reason (counted,
 * {@code detectionControlMalformed}); the stream goes on.
 */
public final class DetectionControl extends ProcessFunction<String, DetectionUpdate> {
    private static final long serialVersionUID = 1L;

    public static final String TOPIC = "fenghuo.rules";
    public static final String INPUT = "correlation.detection-control";
    public static final JavaSerializedTypeInfo<DetectionUpdate> TYPE = new JavaSerializedTypeInfo<>(DetectionUpdate.class);
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("detection-control-dead-letters") {
        private static final long serialVersionUID = 1L;
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private transient Counter malformed;

    /** Reads {@code topic} from the earliest offset (a fresh job replays the updates; older versions are ignored). */
    public static KafkaSource<String> kafkaSource(String bootstrapServers, String topic, String groupId) {
        return KafkaSource.<String>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(new NullableStringSchema()))
                .build();
    }

    /**
     * UTF-8 text of a record's value, and "" for a tombstone (a null value), which then becomes a
     * counted dead letter like any other record that is not an update. Flink's
     * {@code SimpleStringSchema} throws on null, which failed the source on every restart (the topic
     * is read from its earliest offset) until retention removed the tombstone.
     */
    static final class NullableStringSchema extends SimpleStringSchema {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(byte[] message) {
            return message == null ? "" : new String(message, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        malformed = getRuntimeContext().getMetricGroup().counter("detectionControlMalformed");
    }

    @Override
    public void processElement(String value, Context ctx, Collector<DetectionUpdate> out) {
        try {
            out.collect(parse(value));
        } catch (IllegalArgumentException e) {
            malformed.inc();
            byte[] raw = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
            ctx.output(DEAD_LETTERS, DeadLetter.of(Instant.ofEpochMilli(ctx.timerService().currentProcessingTime()),
                    INPUT, TOPIC, -1, e.getMessage(), raw, 64 * 1024));
        }
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public static DetectionUpdate parse(String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("detection control record is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("detection control record: expected a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToLong() || version.asLong() <= 0) {
            throw new IllegalArgumentException("detection control record: version = " + version
                    + ": expected an integer > 0");
        }
        if (!root.has("sigma_rules") && !root.has("indicators")) {
            return DetectionUpdate.reload(version.asLong());
        }
        DetectionSettings settings = new DetectionSettings(strings(root, "sigma_rules"), strings(root, "pipelines"),
                text(root, "placeholders"), text(root, "exceptions"), strings(root, "indicators"),
                !root.has("strict") || root.get("strict").asBoolean(true));
        return new DetectionUpdate(version.asLong(), settings);
    }

    private static List<String> strings(JsonNode root, String field) {
        JsonNode node = root.get(field);
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("detection control record: " + field + ": expected an array of strings");
        }
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
