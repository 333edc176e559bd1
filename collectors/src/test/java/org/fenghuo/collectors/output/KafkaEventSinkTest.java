package org.fenghuo.collectors.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fenghuo.collectors.input.EventSinkException;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real single-node KRaft broker running in this JVM. */
class KafkaEventSinkTest {

    /** Bounds waiting for records; never a speed assertion. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static KafkaSinkConfig freshTopics() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        KafkaSinkConfig config = KafkaSinkConfig.of(kafka.bootstrapServers())
                .withTopics("events-" + suffix, "deadletter-" + suffix);
        kafka.createTopic(config.eventsTopic(), 3);
        kafka.createTopic(config.deadLetterTopic(), 1);
        return config;
    }

    @Test
    void sendsParsedLinesAndDeadLettersToTheirTopics() throws IOException, EcsJsonException {
        KafkaSinkConfig config = freshTopics();
        Path file = Files.writeString(dir.resolve("auth.log"), "Mar 27 13:06:56 web01 sshd[1]: first\n"
                + "<999>not syslog\n"
                + "Mar 27 13:06:57 web02 sshd[2]: second\n");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CollectorStats stats;
        List<SecurityEvent> sent = new ArrayList<>();
        try (KafkaEventSink kafkaSink = new KafkaEventSink(config, registry)) {
            CollectingEventSink copy = new CollectingEventSink();
            stats = new SyslogFileReader(SyslogInputConfig.file(), new TeeSink(kafkaSink, copy), registry, CLOCK).read(file);
            sent.addAll(copy.events());
        }
        assertThat(stats.parsed()).isEqualTo(2);
        assertThat(stats.deadLettered()).isEqualTo(1);
        assertThat(stats.sent()).isEqualTo(3);
        assertThat(stats.sendFailed()).isZero();

        List<ConsumerRecord<byte[], byte[]>> events = consume(config.eventsTopic(), 2);
        assertThat(events).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("web01", "web02");
        List<SecurityEvent> received = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : events) {
            received.add(EcsJsonCodec.fromJson(r.value()));
        }
        assertThat(received).extracting(e -> e.event().id())
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(e -> e.event().id()).toList());
        assertThat(received).extracting(SecurityEvent::message).containsExactlyInAnyOrder("first", "second");

        List<ConsumerRecord<byte[], byte[]>> dead = consume(config.deadLetterTopic(), 1);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(file.toAbsolutePath().toString());
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).contains("PRI 999 is above 191");
    }

    @Test
    void keysByTheSourceAddressWhenThereIsOne() {
        KafkaSinkConfig config = freshTopics();
        SecurityEvent event = SecurityEvent.builder()
                .timestamp(CLOCK.instant())
                .message("from the network")
                .source(new SecurityEvent.Endpoint("192.0.2.10", 40000, "192.0.2.10", null, null, null, null))
                .host(new SecurityEvent.Host("edge-fw", null, null))
                .fenghuo(new SecurityEvent.FenghuoFields("syslog-udp", null, null))
                .build();
        try (KafkaEventSink sink = new KafkaEventSink(config, new SimpleMeterRegistry())) {
            sink.event(event);
            sink.flush();
        }
        List<ConsumerRecord<byte[], byte[]>> records = consume(config.eventsTopic(), 1);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("192.0.2.10");
    }

    @Test
    void aRecordTheBrokerWillNotTakeIsCountedLoggedAndThrownByFlush() {
        KafkaSinkConfig config = freshTopics().withProducerOverrides(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2048));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        SecurityEvent small = event("small");
        SecurityEvent huge = event("x".repeat(10_000));
        try (KafkaEventSink sink = new KafkaEventSink(config, registry)) {
            sink.event(small);
            sink.event(huge);
            assertThatThrownBy(sink::flush).isInstanceOf(EventSinkException.class)
                    .hasMessageContaining("1 records could not be sent")
                    .hasMessageContaining(config.eventsTopic())
                    .hasMessageContaining("RecordTooLarge");
            sink.flush(); // reported once, not again
            assertThat(sink.failures()).isEqualTo(1);
        }
        CollectorStats stats = CollectorMetrics.forInput(registry, "test-input").snapshot();
        assertThat(stats.sent()).isEqualTo(1);
        assertThat(stats.sendFailed()).isEqualTo(1);
        assertThat(consume(config.eventsTopic(), 1)).hasSize(1);
    }

    @Test
    void anUnreachableBrokerFailsTheSendsInsteadOfDroppingThem() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaSinkConfig config = KafkaSinkConfig.of("127.0.0.1:" + closedPort).withProducerOverrides(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaEventSink sink = new KafkaEventSink(config, registry)) {
            sink.event(event("nobody listens"));
            assertThatThrownBy(sink::flush).isInstanceOf(EventSinkException.class)
                    .hasMessageContaining("could not be sent");
        }
        assertThat(CollectorMetrics.forInput(registry, "test-input").snapshot().sendFailed()).isEqualTo(1);
    }

    @Test
    void producerSettingsKeepDeliveryGuaranteesWhateverTheOverrides() {
        Map<String, Object> props = KafkaEventSink.producerProperties(KafkaSinkConfig.of("h:9092").withProducerOverrides(
                Map.of(ProducerConfig.ACKS_CONFIG, "0", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                        ProducerConfig.LINGER_MS_CONFIG, 50)));
        assertThat(props).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 50)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:9092");
    }

    private static SecurityEvent event(String message) {
        return SecurityEvent.builder()
                .timestamp(CLOCK.instant())
                .message(message)
                .host(new SecurityEvent.Host("h1", null, null))
                .fenghuo(new SecurityEvent.FenghuoFields("test-input", null, null))
                .build();
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int count) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // one more short poll so that extra records would show up as a failure
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        assertThat(out).as("records in %s", topic).hasSize(count);
        return out;
    }
}
