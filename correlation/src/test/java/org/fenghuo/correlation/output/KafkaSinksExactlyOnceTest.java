package org.fenghuo.correlation.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.fenghuo.correlation.TestAlerts;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;
import org.fenghuo.events.WarningLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once alert sink on a real KRaft broker and a MiniCluster: records are invisible to a
 * {@code read_committed} consumer until a checkpoint commits them, and a job that fails after a
 * checkpoint and restores exposes each alert exactly once.
 */
class KafkaSinksExactlyOnceTest {
    private static EmbeddedKafka kafka;

    // The MiniCluster runs in this JVM: the operators and the test meet through these.
    private static final CountDownLatch RELEASE_LAST = new CountDownLatch(1);
    private static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    private static final AtomicLong CHECKPOINTS_SEEN_BEFORE_FAILURE = new AtomicLong();

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

    static Alert alert(long i) {
        return TestAlerts.bruteForce("alert-" + i, Instant.parse("2026-11-23T10:00:00Z").plusMillis(i), "203.0.113.9");
    }

    private static StreamExecutionEnvironment environment(int parallelism, long checkpointMillis) {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
        env.enableCheckpointing(checkpointMillis);
        return env;
    }

    /** Holds the last alert back until the test has looked at the topic. */
    static final class HoldLast extends RichMapFunction<Long, Alert> {
        private final long last;

        HoldLast(long last) {
            this.last = last;
        }

        @Override
        public Alert map(Long i) throws Exception {
            if (i == last) {
                RELEASE_LAST.await(2, TimeUnit.MINUTES);
            }
            return alert(i);
        }
    }

    @Test
    void recordsBecomeVisibleToReadCommittedOnlyWhenACheckpointCommitsThem() throws Exception {
        String topic = "alerts-visibility";
        kafka.createTopic(topic, 1);
        int n = 50;
        // no periodic checkpoint during the test: the only one is the final checkpoint at the end of input
        StreamExecutionEnvironment env = environment(1, Duration.ofHours(1).toMillis());
        env.fromSequence(0, n - 1)
                .map(new HoldLast(n - 1)).returns(Alert.class)
                .sinkTo(KafkaSinks.alerts(kafka.bootstrapServers(), topic, "test-visibility", DeliveryGuarantee.EXACTLY_ONCE));
        JobClient job = env.executeAsync("kafka-visibility");
        try {
            long uncommitted = awaitValue(() -> readAll(topic, "read_uncommitted").size(), n - 1, Duration.ofMinutes(1));
            assertThat(uncommitted).as("the first records are in the log, in an open transaction").isEqualTo(n - 1);
            assertThat(readAll(topic, "read_committed")).as("but not committed before a checkpoint").isEmpty();
        } finally {
            RELEASE_LAST.countDown();
        }
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);

        List<ConsumerRecord<byte[], byte[]>> committed = readAll(topic, "read_committed");
        assertThat(committed).hasSize(n);
        assertThat(new String(committed.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("alert-0");
        assertThat(new String(committed.get(0).value(), StandardCharsets.UTF_8)).contains("\"id\":\"alert-0\"");
    }

    /** Fails the job once, some records after a checkpoint completed, so the restore replays them. */
    static final class FailOnceAfterACheckpoint extends RichMapFunction<Long, Alert> implements CheckpointListener {
        private long checkpointsCompleted;
        private long sinceCheckpoint;

        @Override
        public Alert map(Long i) throws Exception {
            if (!FAILED_ONCE.get()) {
                Thread.sleep(2); // pace the input until the failure, so that a checkpoint completes while it flows
            }
            if (checkpointsCompleted > 0 && ++sinceCheckpoint >= 20 && FAILED_ONCE.compareAndSet(false, true)) {
                CHECKPOINTS_SEEN_BEFORE_FAILURE.set(checkpointsCompleted);
                throw new IllegalStateException("injected failure after checkpoint " + checkpointsCompleted);
            }
            return alert(i);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointsCompleted++;
            sinceCheckpoint = 0;
        }
    }

    @Test
    void aFailureAfterACheckpointExposesNoDuplicateToReadCommitted() throws Exception {
        String topic = "alerts-failover";
        kafka.createTopic(topic, 2);
        int n = 5000;
        StreamExecutionEnvironment env = environment(2, 200);
        env.fromSequence(0, n - 1)
                .map(new FailOnceAfterACheckpoint()).returns(Alert.class)
                .sinkTo(KafkaSinks.alerts(kafka.bootstrapServers(), topic, "test-failover", DeliveryGuarantee.EXACTLY_ONCE));
        env.execute("kafka-failover");

        assertThat(FAILED_ONCE).as("the injected failure happened").isTrue();
        assertThat(CHECKPOINTS_SEEN_BEFORE_FAILURE.get()).isPositive();
        List<ConsumerRecord<byte[], byte[]>> committed = readAll(topic, "read_committed");
        Set<String> keys = new HashSet<>();
        committed.forEach(r -> keys.add(new String(r.key(), StandardCharsets.UTF_8)));
        assertThat(keys).as("every alert").hasSize(n);
        assertThat(committed).as("once each").hasSize(n);
        List<ConsumerRecord<byte[], byte[]>> everything = readAll(topic, "read_uncommitted");
        System.out.println("failover: " + committed.size() + " committed records, " + everything.size()
                + " in the log including aborted ones; failure after checkpoint " + CHECKPOINTS_SEEN_BEFORE_FAILURE.get());
        assertThat(everything.size()).isGreaterThanOrEqualTo(n);
    }

    /** Version i of one incident: i + 1 alerts. */
    static final class IncidentVersion implements org.apache.flink.api.common.functions.MapFunction<Long, Incident> {
        @Override
        public Incident map(Long i) {
            Instant created = Instant.parse("2026-11-23T10:00:00Z");
            List<String> alerts = new ArrayList<>();
            for (long a = 0; a <= i; a++) {
                alerts.add("alert-" + a);
            }
            return TestAlerts.incident("inc-1", created, created.plusSeconds(i), alerts, "203.0.113.9", WarningLevel.YELLOW);
        }
    }

    /** The second alert with a 2 MB message: more than a Kafka record takes. */
    static final class GiantSecond implements org.apache.flink.api.common.functions.MapFunction<Long, Alert> {
        @Override
        public Alert map(Long i) {
            Alert a = alert(i);
            return i != 1 ? a : new Alert(a.id(), a.timestamp(), a.ruleId(), a.ruleName(), a.ruleVersion(), a.severity(),
                    a.riskScore(), a.category(), a.eventIds(), a.entities(), a.tactics(), a.techniques(),
                    "x".repeat(2_000_000));
        }
    }

    @Test
    void aRecordTooLargeForKafkaIsLeftOutAndTheJobGoesOn() throws Exception {
        // the producer refuses it (RecordTooLargeException) and the refusal failed the job on every replay
        String topic = "alerts-too-large";
        kafka.createTopic(topic, 1);
        StreamExecutionEnvironment env = environment(1, 200);
        env.fromSequence(0, 2).map(new GiantSecond()).returns(Alert.class)
                .sinkTo(KafkaSinks.alerts(kafka.bootstrapServers(), topic, "test-too-large", DeliveryGuarantee.EXACTLY_ONCE));
        env.execute("kafka-too-large");

        assertThat(readAll(topic, "read_committed")).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("alert-0", "alert-2");
    }

    @Test
    void everyVersionOfAnIncidentCarriesItsIdAsKeySoTheLastOneWins() throws Exception {
        String topic = "incidents-versions";
        kafka.createTopic(topic, 3);
        StreamExecutionEnvironment env = environment(1, Duration.ofHours(1).toMillis());
        env.fromSequence(0, 2).map(new IncidentVersion()).returns(Incident.class)
                .sinkTo(KafkaSinks.incidents(kafka.bootstrapServers(), topic, null, DeliveryGuarantee.AT_LEAST_ONCE));
        env.execute("kafka-incidents");

        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, "read_committed");
        assertThat(records).hasSize(3);
        assertThat(records).extracting(r -> r.partition()).as("one key, one partition, in order").containsOnly(
                records.get(0).partition());
        assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsOnly("inc-1");
        assertThat(new String(records.get(2).value(), StandardCharsets.UTF_8))
                .contains("\"alert_ids\":[\"alert-0\",\"alert-1\",\"alert-2\"]");
    }

    /** Everything a consumer with this isolation level can read now, up to the end it is allowed to see. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, String isolation) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // endOffsets honours the isolation level: for read_committed it is the last stable offset
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static long awaitValue(java.util.function.LongSupplier value, long target, Duration deadline)
            throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        long last = value.getAsLong();
        while (last < target && Instant.now().isBefore(end)) {
            Thread.sleep(200);
            last = value.getAsLong();
        }
        return last;
    }
}
