package org.fenghuo.correlation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarFile;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;
import org.fenghuo.correlation.job.KafkaTopics;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystoreKeyRing;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.fenghuo.crypto.pii.BlindIndex;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.deploy.infra.ElasticsearchEndpoint;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, point 6: the job jar {@code mvn package} builds runs on a real Flink session cluster (a
 * JobManager and a TaskManager process from Maven Central jars) with parallelism 2, reading a
 * 3-partition {@code fenghuo.events} from a real KRaft broker and writing to a real Elasticsearch;
 * a TaskManager killed with SIGKILL mid-stream and replaced loses no event and duplicates none.
 */
class SessionClusterIT {
    private static final int N = 600;
    private static final int PARTITIONS = 3;
    private static final int USERS = 5;
    private static final int PARALLELISM = 2;
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration INDEXED = Duration.ofMinutes(3);
    private static final Instant FIRST_EVENT = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    static Path dir;
    private static FlinkSessionCluster cluster;
    private static ElasticsearchEndpoint elasticsearch;
    private static EmbeddedKafka kafka;
    private static ElasticsearchClient client;
    private static Path keystore;
    private static String passphrase;

    @BeforeAll
    static void startEverything() throws Exception {
        passphrase = "cluster-it-" + UUID.randomUUID();
        keystore = dir.resolve("keystore.bcfks");
        Keystore.create(keystore, KeystorePassphrase.of(passphrase.toCharArray()), false);
        // The JVMs start while Elasticsearch and Kafka come up; every process (client included: it checks the
        // settings) gets the keystore passphrase from its environment, never from the job graph.
        cluster = FlinkSessionCluster.start(dir.resolve("flink"), Path.of(System.getProperty("basedir", "."), "pom.xml"), 1, PARALLELISM,
                Map.of("FENGHUO_KEYSTORE_PASSPHRASE", passphrase));
        elasticsearch = ElasticsearchFixture.obtain();
        kafka = EmbeddedKafka.start();
        client = ElasticsearchClients.create(elasticsearch.url());
        client.indices().delete(d -> d.index("fenghuo-*").ignoreUnavailable(true).allowNoIndices(true));
        kafka.createTopic(KafkaTopics.EVENTS, PARTITIONS);
        kafka.createTopic(KafkaTopics.DEAD_LETTERS, 1);
        cluster.awaitTaskManagers(1, STARTUP);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        ElasticsearchClients.closeQuietly(client);
        if (kafka != null) {
            kafka.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    static Path jobJar() {
        String configured = System.getProperty("fenghuo.job.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target");
        if (Files.isDirectory(jar)) { // run from an IDE: the newest -job.jar under target/
            try (var files = Files.list(jar)) {
                jar = files.filter(p -> p.getFileName().toString().endsWith("-job.jar")).findFirst().orElse(jar);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(jar).as("the job jar (run `./mvnw -pl correlation package` first)").isRegularFile();
        return jar;
    }

    @Test
    void theJobJarHoldsOurCodeAndConnectorsButNotFlinksRuntime() throws IOException {
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            assertThat(jar.getEntry("org/fenghuo/correlation/cluster/CorrelationJobMain.class")).isNotNull();
            assertThat(jar.getEntry("org/fenghuo/correlation/job/KafkaToElasticsearch.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/kafka/clients/consumer/KafkaConsumer.class")).isNotNull();
            assertThat(jar.getEntry("com/espertech/esper/runtime/client/EPRuntime.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/flink/runtime/taskexecutor/TaskExecutor.class")).isNull();
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class")).isNull();
            assertThat(jar.getEntry("org/apache/flink/connector/base/sink/writer/BufferingSinkWriter.class")).isNull();
            assertThat(jar.getEntry("org/slf4j/Logger.class")).isNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(CorrelationJobMain.class.getName());
        }
    }

    @Test
    void badOptionsFailFlinkRunWithExitTwoNamingTheOption() throws Exception {
        FlinkSessionCluster.ClientRun run = cluster.run(jobJar(), CorrelationJobMain.class.getName(), PARALLELISM,
                "--kafka", kafka.bootstrapServers(), "--checkpoint-interval", "0s");

        assertThat(run.exitCode()).as(run.tails()).isEqualTo(CorrelationJobMain.EXIT_BAD_OPTIONS);
        assertThat(run.output()).contains("--elasticsearch: required").contains("--checkpoint-interval = 0s")
                .doesNotContain("JobID");
    }

    @Test
    void runsWithParallelismTwoAndAKilledTaskManagerLosesAndDuplicatesNothing() throws Exception {
        String jobId = cluster.submit(jobJar(), CorrelationJobMain.class.getName(), PARALLELISM,
                "--kafka", kafka.bootstrapServers(), "--elasticsearch", elasticsearch.url(),
                "--checkpoint-interval", "1s", "--pii-keystore", keystore.toString());
        cluster.awaitRunning(jobId, STARTUP);
        JsonNode job = cluster.rest().job(jobId);
        assertThat(job.path("vertices")).as("job graph %s", job).isNotEmpty();
        int parallel = 0;
        for (JsonNode vertex : job.path("vertices")) {
            String name = vertex.path("name").asText();
            // by design one instance: the Esper correlator (correlation.parallelism 1 keeps correlations
            // across entities exact) and the asset learner (a host's clients come from every partition);
            // everything else runs on both slots
            boolean single = name.startsWith("correlate") || name.startsWith("learn-assets");
            assertThat(vertex.path("parallelism").asInt()).as("parallelism of %s", name)
                    .isEqualTo(single ? 1 : PARALLELISM);
            parallel += single ? 0 : 1;
        }
        assertThat(parallel).as("vertices running with parallelism %d", PARALLELISM).isGreaterThan(5);

        produce(0, N);
        awaitIndexed(N);

        // Second batch, produced at a steady pace; the TaskManager dies (SIGKILL) while it is being indexed.
        CompletableFuture<Void> secondBatch = CompletableFuture.runAsync(() -> producePaced(N, N));
        awaitIndexedAtLeast(N + N / 4);
        boolean producerStillRunning = !secondBatch.isDone();
        cluster.kill(cluster.taskManagers().get(0));
        cluster.await("the JobManager to notice the lost TaskManager", STARTUP, () -> cluster.rest().taskManagers().isEmpty());
        secondBatch.get();
        cluster.startTaskManager();
        cluster.awaitTaskManagers(1, STARTUP);
        cluster.awaitRunning(jobId, STARTUP);

        awaitIndexed(2 * N);
        long restarts = cluster.rest().jobMetric(jobId, "numRestarts");
        JsonNode exceptions = cluster.rest().exceptionHistory(jobId);
        String failure = exceptions.path(0).path("stacktrace").asText().lines().findFirst().orElse("");
        System.out.printf("session cluster: %d restart(s), producer still running at the kill: %s, failure: %s%n",
                restarts, producerStillRunning, failure);
        assertThat(restarts).as("numRestarts of the job after a killed TaskManager\n%s", cluster.logTails()).isGreaterThanOrEqualTo(1);
        assertThat(failure).as("the failure that restarted the job").containsIgnoringCase("TaskManager");

        Thread.sleep(3_000); // a late replay (one more flush after recovery) would show up as more than 2N now
        assertThat(indexed()).as("events in Elasticsearch after recovery").isEqualTo(2 * N);
        assertEveryEventExactlyOnce(2 * N);
        assertBlindIndexAgreesAcrossTaskManagers(2 * N);
        assertThat(cluster.rest().job(jobId).path("state").asText()).isEqualTo("RUNNING");
    }

    /** Each expected event.id has exactly one document (exact: one shard, terms size above the cardinality). */
    private void assertEveryEventExactlyOnce(int total) throws IOException {
        var response = client.search(s -> s.index("fenghuo-events-*").size(0)
                .trackTotalHits(t -> t.enabled(true))
                .aggregations("ids", a -> a.terms(t -> t.field("event.id").size(total * 2))), Void.class);
        assertThat(response.hits().total().value()).isEqualTo(total);
        Map<String, Long> perId = new HashMap<>();
        for (StringTermsBucket bucket : response.aggregations().get("ids").sterms().buckets().array()) {
            perId.put(bucket.key().stringValue(), bucket.docCount());
        }
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < total; i++) {
            expected.add(eventId(i));
        }
        assertThat(perId.keySet()).as("event ids in Elasticsearch").isEqualTo(expected);
        assertThat(perId.values()).as("documents per event id").containsOnly(1L);
    }

    /**
     * Both TaskManagers (the killed one and its replacement) opened the same keystore: the blind-index term of
     * a user name, computed here from the keystore file, finds every event of that user, before and after the kill.
     */
    private void assertBlindIndexAgreesAcrossTaskManagers(int total) throws Exception {
        BlindIndex blind = new BlindIndex(KeystoreKeyRing.open(keystore, KeystorePassphrase.of(passphrase.toCharArray())),
                PiiPolicy.defaults());
        long found = 0;
        for (int user = 0; user < USERS; user++) {
            String term = blind.termFor("user.name", userName(user));
            long count = client.count(c -> c.index("fenghuo-events-*")
                    .query(q -> q.term(t -> t.field(BlindIndex.searchField("user.name")).value(term)))).count();
            assertThat(count).as("events of %s found by its blind-index term", userName(user)).isEqualTo(total / USERS);
            found += count;
        }
        assertThat(found).isEqualTo(total);
        assertThat(client.count(c -> c.index("fenghuo-events-*").query(q -> q.queryString(qs -> qs.query("\"operator-1\""))))
                .count()).as("documents holding a user name in clear").isZero();
    }

    private static String userName(int user) {
        return "operator-" + user;
    }

    private static String eventId(int i) {
        return "cluster-it-" + i;
    }

    private static ProducerRecord<byte[], byte[]> record(int i) {
        SecurityEvent event = TestEvents.sshFailure(eventId(i), FIRST_EVENT.plusMillis(50L * i), "198.51.100." + (i % 200))
                .toBuilder().user(new SecurityEvent.User(userName(i % USERS), null, null)).build();
        byte[] json = EcsJsonCodec.toJsonBytes(event);
        return new ProducerRecord<>(KafkaTopics.EVENTS, i % PARTITIONS, null, json);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void produce(int first, int count) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = first; i < first + count; i++) {
                producer.send(record(i));
            }
        }
    }

    /** About 150 events/s, so the job is still reading when the TaskManager is killed. */
    private static void producePaced(int first, int count) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = first; i < first + count; i++) {
                producer.send(record(i));
                if (i % 15 == 14) {
                    producer.flush();
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing", e);
        }
    }

    private long indexed() throws IOException {
        client.indices().refresh(r -> r.index("fenghuo-events-*").ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index("fenghuo-events-*").ignoreUnavailable(true).allowNoIndices(true)).count();
    }

    private void awaitIndexed(long expected) throws InterruptedException {
        cluster.await(expected + " events in Elasticsearch", INDEXED, () -> {
            long count = indexed();
            if (count > expected) {
                throw new IllegalStateException(count + " events in Elasticsearch, more than the " + expected + " produced");
            }
            return count == expected;
        });
    }

    private void awaitIndexedAtLeast(long expected) throws InterruptedException {
        cluster.await("at least " + expected + " events in Elasticsearch", INDEXED, () -> indexed() >= expected);
    }
}
