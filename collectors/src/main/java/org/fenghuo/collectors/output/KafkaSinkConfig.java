package org.fenghuo.collectors.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where {@link KafkaEventSink} sends.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}, e.g. {@code localhost:9092}
 * @param eventsTopic      topic of events; default {@code fenghuo.events}
 * @param deadLetterTopic  topic of dead letters; default {@code fenghuo.deadletter}
 * @param producerOverrides extra producer properties (e.g. TLS, SASL, linger.ms); they cannot turn
 *                          off {@code acks=all} or idempotence
 */
public record KafkaSinkConfig(String bootstrapServers, String eventsTopic, String deadLetterTopic,
        Map<String, Object> producerOverrides) {

    public static final String DEFAULT_EVENTS_TOPIC = "fenghuo.events";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "fenghuo.deadletter";

    public KafkaSinkConfig {
        List<String> problems = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("bootstrapServers: '" + bootstrapServers + "' must be host:port[,host:port...]");
        }
        if (eventsTopic == null || eventsTopic.isBlank()) {
            problems.add("eventsTopic: '" + eventsTopic + "' must be a topic name");
        }
        if (deadLetterTopic == null || deadLetterTopic.isBlank()) {
            problems.add("deadLetterTopic: '" + deadLetterTopic + "' must be a topic name");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid Kafka sink settings: " + String.join("; ", problems));
        }
        producerOverrides = producerOverrides == null ? Map.of() : Map.copyOf(producerOverrides);
    }

    /** The default topics on the given brokers. */
    public static KafkaSinkConfig of(String bootstrapServers) {
        return new KafkaSinkConfig(bootstrapServers, DEFAULT_EVENTS_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, Map.of());
    }

    public KafkaSinkConfig withTopics(String events, String deadLetters) {
        return new KafkaSinkConfig(bootstrapServers, events, deadLetters, producerOverrides);
    }

    public KafkaSinkConfig withProducerOverrides(Map<String, Object> overrides) {
        return new KafkaSinkConfig(bootstrapServers, eventsTopic, deadLetterTopic, overrides);
    }
}
