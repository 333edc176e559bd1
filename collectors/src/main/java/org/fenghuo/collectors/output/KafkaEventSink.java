package org.fenghuo.collectors.output;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.EventSinkException;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to {@code fenghuo.events} (ECS JSON, key = {@code source.ip}, else
 * {@code host.hostname}) and dead letters to {@code fenghuo.deadletter} (key = origin), with
 * {@code acks=all} and idempotence. Every failed send is counted ({@code send_failed}), logged with
 * its reason, and makes the next {@link #flush()} throw: nothing is dropped silently. Thread-safe.
 */
public final class KafkaEventSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventSink.class);
    private static final String UNKNOWN_INPUT = "unknown";

    private final KafkaSinkConfig config;
    private final Producer<byte[], byte[]> producer;
    private final MeterRegistry registry;
    private final Map<String, CollectorMetrics> metrics = new ConcurrentHashMap<>();
    private final AtomicLong failuresSinceFlush = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<String> firstFailureSinceFlush = new AtomicReference<>();

    public KafkaEventSink(KafkaSinkConfig config, MeterRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.producer = new KafkaProducer<>(producerProperties(config));
    }

    /** The producer settings: overrides first, then the ones delivery guarantees depend on. */
    static Map<String, Object> producerProperties(KafkaSinkConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fenghuo-collector");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putAll(config.producerOverrides());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    @Override
    public void event(SecurityEvent event) {
        String input = event.fenghuo() != null && event.fenghuo().input() != null
                ? event.fenghuo().input() : UNKNOWN_INPUT;
        String id = event.event() != null ? event.event().id() : null;
        send(input, config.eventsTopic(), key(event), () -> EcsJsonCodec.toJsonBytes(event), "event " + id);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        String input = deadLetter.input() != null ? deadLetter.input() : UNKNOWN_INPUT;
        send(input, config.deadLetterTopic(), deadLetter.origin(), () -> DeadLetterJson.toJsonBytes(deadLetter),
                "dead letter from " + deadLetter.origin() + " at " + deadLetter.offset());
    }

    /** ARCHITECTURE: events are keyed by source address, so one source stays in one partition. */
    static String key(SecurityEvent event) {
        if (event.source() != null && event.source().ip() != null) {
            return event.source().ip();
        }
        return event.host() != null ? event.host().hostname() : null;
    }

    private void send(String input, String topic, String key, ValueSupplier value, String what) {
        CollectorMetrics counters = metrics.computeIfAbsent(input, name -> CollectorMetrics.forInput(registry, name));
        try {
            byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(topic, keyBytes, value.get()), (metadata, error) -> {
                if (error == null) {
                    counters.sent();
                } else {
                    failed(counters, topic, what, error);
                }
            });
        } catch (RuntimeException e) {
            // send() throws for closed producers, oversize records and serialisation problems
            failed(counters, topic, what, e);
        }
    }

    private void failed(CollectorMetrics counters, String topic, String what, Exception error) {
        counters.sendFailed();
        failures.incrementAndGet();
        failuresSinceFlush.incrementAndGet();
        String reason = "input " + counters.input() + ": " + what + " not sent to " + topic + ": " + error;
        firstFailureSinceFlush.compareAndSet(null, reason);
        LOG.error(reason);
    }

    /**
     * Waits until every record sent so far is acknowledged or has failed.
     *
     * @throws EventSinkException when any record failed since the previous flush
     */
    @Override
    public void flush() {
        producer.flush();
        long failed = failuresSinceFlush.getAndSet(0);
        String first = firstFailureSinceFlush.getAndSet(null);
        if (failed > 0) {
            throw new EventSinkException(failed + " records could not be sent to Kafka since the last flush; first: "
                    + first, null);
        }
    }

    /** Records that could not be delivered since this sink was created. */
    public long failures() {
        return failures.get();
    }

    /** Flushes what is pending (failures are logged and counted, not thrown) and closes the producer. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
        if (failuresSinceFlush.get() > 0) {
            LOG.error("closed with {} undelivered records since the last flush; first: {}",
                    failuresSinceFlush.get(), firstFailureSinceFlush.get());
        }
    }

    @FunctionalInterface
    private interface ValueSupplier {
        byte[] get();
    }
}
