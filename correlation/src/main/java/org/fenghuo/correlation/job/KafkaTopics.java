package org.fenghuo.correlation.job;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The Kafka topics of the pipeline and sources that read them. */
public final class KafkaTopics {
    public static final String EVENTS = "fenghuo.events";
    public static final String DEAD_LETTERS = "fenghuo.deadletter";

    private KafkaTopics() {
    }

    /**
     * A source of raw records that resumes from the group's committed offsets (the earliest
     * offset the first time). Offsets are committed on checkpoints; Flink's own checkpointed
     * offsets take precedence on restore.
     *
     * @param bounded stop at the offsets that are latest when the job starts (for tests, replays
     *                and batch ingestion); otherwise read forever
     */
    public static KafkaSource<RawRecord> source(String bootstrapServers, String topic, String groupId, boolean bounded) {
        var builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setClientIdPrefix(groupId + "-" + topic)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperty("partition.discovery.interval.ms", "10000");
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }
}
