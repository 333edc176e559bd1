package org.fenghuo.collectors.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.fenghuo.collectors.input.EventSinkException;
import org.fenghuo.collectors.spool.DurableSpool;
import org.fenghuo.collectors.spool.SpoolConfig;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full spool with Kafka not yet there: the waiting sink holds its caller (as a TCP connection
 * thread is held), the lossy one drops and counts; once Kafka comes up the held caller goes on and
 * everything spooled arrives in order.
 */
class SpoolingKafkaOutputTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private static SecurityEvent event(String message) {
        return SecurityEvent.builder().timestamp(Instant.parse("2024-06-01T12:00:00Z")).message(message).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aFullSpoolHoldsBackTheWaitingInputDropsForTheLossyOneAndDeliversInOrderOnceKafkaIsUp() throws Exception {
        int port = freePort();
        String topic = "out-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaSinkConfig kafkaConfig = KafkaSinkConfig.of("127.0.0.1:" + port).withTopics(topic, topic + ".dead");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DurableSpool spool = DurableSpool.open(SpoolConfig.defaults(dir).withSizes(8192, 4096))) {
            SpoolingKafkaOutput output = SpoolingKafkaOutput.start(kafkaConfig, spool, registry);
            try {
                int lossy = 0;
                while (output.dropped() == 0) {
                    output.lossy().event(event("lossy " + lossy++));
                }
                assertThat(output.spooled() + output.dropped()).isEqualTo(lossy);
                assertThat(registry.get("fenghuo.collector.dropped").tag("reason", "spool_full").counter().count())
                        .isEqualTo(1);

                AtomicInteger waitingSent = new AtomicInteger();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread held = new Thread(() -> {
                    try {
                        for (int i = 0; i < 100; i++) {
                            output.event(event("held " + i));
                            waitingSent.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                }, "held-input");
                held.start();
                assertThat(await(() -> held.getState() == Thread.State.TIMED_WAITING
                        || held.getState() == Thread.State.WAITING)).as("held while the spool is full").isTrue();
                assertThat(waitingSent.get()).isZero();
                assertThat(spool.refused()).isGreaterThan(1);

                try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(port).start()) {
                    kafka.createTopic(topic, 1);
                    held.join(WAIT.toMillis());
                    assertThat(failure.get()).isNull();
                    assertThat(waitingSent.get()).isEqualTo(100);
                    long expected = output.spooled();
                    List<String> messages = consume(kafka.bootstrapServers(), topic, expected);
                    List<String> wanted = new ArrayList<>();
                    for (int i = 0; i < lossy - 1; i++) {
                        wanted.add("lossy " + i);
                    }
                    for (int i = 0; i < 100; i++) {
                        wanted.add("held " + i);
                    }
                    assertThat(messages).isEqualTo(wanted);
                    assertThat(await(() -> spool.depthRecords() == 0)).isTrue();
                }
            } finally {
                output.close(Duration.ZERO);
            }
        }
    }

    @Test
    void stoppingReleasesAnInputWaitingForSpaceAndCountsTheRecord() throws Exception {
        KafkaSinkConfig kafkaConfig = KafkaSinkConfig.of("127.0.0.1:" + freePort());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DurableSpool spool = DurableSpool.open(SpoolConfig.defaults(dir).withSizes(8192, 4096))) {
            SpoolingKafkaOutput output = SpoolingKafkaOutput.start(kafkaConfig, spool, registry);
            try {
                while (spool.refused() == 0) {
                    output.lossy().event(event("fill"));
                }
                AtomicReference<Throwable> failure = new AtomicReference<>();
                Thread held = new Thread(() -> {
                    try {
                        output.event(event("waits"));
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                });
                held.start();
                assertThat(await(() -> held.getState() == Thread.State.TIMED_WAITING)).isTrue();
                output.stopWaiting();
                held.join(WAIT.toMillis());
                assertThat(failure.get()).isInstanceOf(EventSinkException.class)
                        .hasMessageContaining("stopping and the spool is full");
                assertThat(registry.get("fenghuo.collector.dropped").tag("reason", "shutdown").counter().count())
                        .isEqualTo(1);
                assertThatThrownBy(() -> output.event(event("after"))).isInstanceOf(EventSinkException.class);
            } finally {
                output.close(Duration.ZERO);
            }
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The {@code message} of each event on the topic. */
    private static List<String> consume(String bootstrap, String topic, long expected) {
        List<String> messages = new ArrayList<>();
        for (String json : TopicReader.values(bootstrap, topic, expected, WAIT)) {
            int at = json.indexOf("\"message\":\"") + 11;
            messages.add(json.substring(at, json.indexOf('"', at)));
        }
        return messages;
    }
}
