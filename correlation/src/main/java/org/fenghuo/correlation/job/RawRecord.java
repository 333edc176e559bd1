package org.fenghuo.correlation.job;

/**
 * One record as read from the event topic, before decoding. Decoding happens in the job (not in the
 * Kafka deserializer) so that a bad record becomes a dead letter instead of failing the source.
 *
 * @param topic     Kafka topic
 * @param partition Kafka partition
 * @param offset    Kafka offset
 * @param timestamp Kafka record timestamp (ms), the fallback event time
 * @param value     the record value: an ECS JSON document
 */
public record RawRecord(String topic, int partition, long offset, long timestamp, byte[] value) {

    /** Where the record came from, for dead letters and logs. */
    public String origin() {
        return topic + "/" + partition + "@" + offset;
    }
}
