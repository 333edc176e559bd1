package org.fenghuo.correlation.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.fenghuo.correlation.settings.SettingsCheck;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AlertJson;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentJson;

/**
 * Kafka sinks for alerts ({@code fenghuo.alerts}) and incidents ({@code fenghuo.incidents}) on
 * flink-connector-kafka's {@link KafkaSink}: key = id, value = the ECS JSON.
 *
 * <p>{@link DeliveryGuarantee#EXACTLY_ONCE} (the default): each checkpoint's records are written in
 * one Kafka transaction, committed when the checkpoint completes and aborted if the job fails
 * before, so a restored job never exposes a record twice. <b>Consumers must read with
 * {@code isolation.level=read_committed}</b>: a {@code read_uncommitted} consumer (Kafka's default)
 * also sees aborted records, and records appear only once per checkpoint interval. Each subtask
 * keeps a transaction open for up to a checkpoint interval, so {@link #TRANSACTION_TIMEOUT} must
 * exceed the longest checkpoint interval plus restart time, and stay at or below the broker's
 * {@code transaction.max.timeout.ms} (15 minutes by default), which refuses anything longer.
 *
 * <p>{@link DeliveryGuarantee#AT_LEAST_ONCE}: records are sent at once and flushed on every
 * checkpoint (idempotent producer, {@code acks=all}); after a failure the records since the last
 * checkpoint are sent again. Consumers see them without delay and must tolerate duplicates: the key
 * (a deterministic id) lets them drop a repeat. {@code NONE} is refused: losing alerts is not an option.
 */
public final class KafkaSinks {
    /** Below the broker default {@code transaction.max.timeout.ms} of 15 minutes. */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    private KafkaSinks() {
    }

    /** {@code fenghuo.alerts}, exactly once. */
    public static KafkaSink<Alert> alerts(String bootstrapServers, String transactionalIdPrefix) {
        return alerts(bootstrapServers, OutputTopics.ALERTS, transactionalIdPrefix, DeliveryGuarantee.EXACTLY_ONCE);
    }

    /**
     * @param transactionalIdPrefix unique per job and sink among everything writing to this Kafka
     *                              cluster (two jobs sharing one abort each other's transactions);
     *                              e.g. {@code fenghuo-correlation-alerts}
     */
    public static KafkaSink<Alert> alerts(String bootstrapServers, String topic, String transactionalIdPrefix,
                                          DeliveryGuarantee guarantee) {
        return build(bootstrapServers, topic, transactionalIdPrefix, guarantee, Alert::id, AlertJson::toJson);
    }

    /** {@code fenghuo.incidents}, exactly once. */
    public static KafkaSink<Incident> incidents(String bootstrapServers, String transactionalIdPrefix) {
        return incidents(bootstrapServers, OutputTopics.INCIDENTS, transactionalIdPrefix, DeliveryGuarantee.EXACTLY_ONCE);
    }

    /** Every new version of an incident, keyed by its id (see {@link #alerts(String, String, String, DeliveryGuarantee)}). */
    public static KafkaSink<Incident> incidents(String bootstrapServers, String topic, String transactionalIdPrefix,
                                                DeliveryGuarantee guarantee) {
        return build(bootstrapServers, topic, transactionalIdPrefix, guarantee, Incident::id, IncidentJson::toJson);
    }

    private static <T> KafkaSink<T> build(String bootstrapServers, String topic, String transactionalIdPrefix,
                                          DeliveryGuarantee guarantee, SerializableFunction<T, String> id,
                                          SerializableFunction<T, String> json) {
        SettingsCheck.throwIfAny("Kafka sink settings for topic " + topic,
                problems(bootstrapServers, topic, transactionalIdPrefix, guarantee));
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new JsonRecordSerializer<>(topic, id, json))
                .setDeliveryGuarantee(guarantee)
                .setProperty(ProducerConfig.ACKS_CONFIG, "all")
                .setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(transactionalIdPrefix)
                    .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(TRANSACTION_TIMEOUT.toMillis()));
        }
        return builder.build();
    }

    /** Every problem at once, each naming its key. */
    static List<String> problems(String bootstrapServers, String topic, String transactionalIdPrefix,
                                 DeliveryGuarantee guarantee) {
        List<String> problems = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("kafka.bootstrap-servers = " + bootstrapServers + ": expected host:port[,host:port...]");
        }
        if (topic == null || topic.isBlank()) {
            problems.add("topic = " + topic + ": expected a Kafka topic name, e.g. " + OutputTopics.ALERTS);
        }
        if (guarantee == null || guarantee == DeliveryGuarantee.NONE) {
            problems.add("delivery-guarantee = " + (guarantee == null ? null : guarantee.name()) + ": expected EXACTLY_ONCE or AT_LEAST_ONCE (alerts must not be lost)");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
            problems.add("transactional-id-prefix = " + transactionalIdPrefix
                    + ": expected a prefix unique to this job and sink (EXACTLY_ONCE writes in transactions)");
        }
        return problems;
    }
}
