package org.fenghuo.correlation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.core.execution.JobClient;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;
import org.fenghuo.correlation.elasticsearch.ElasticsearchSinkSettings;
import org.fenghuo.correlation.job.KafkaToElasticsearch;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.correlation.job.PipelineSettings;
import org.fenghuo.correlation.pii.PiiSettings;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystoreKeyRing;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.fenghuo.crypto.pii.BlindIndex;
import org.fenghuo.crypto.pii.PiiKind;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.sample.PersonalValues;
import org.fenghuo.deploy.infra.ElasticsearchEndpoint;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.deploy.infra.ManagedElasticsearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end, on real servers: syslog lines -> collector -> KRaft Kafka ->
 * the Flink job on a MiniCluster -> Elasticsearch 8.19.
 */
class SyslogSliceEndToEndTest {
    private static final int N = 400;
    private static final byte[] INVALID_UTF8 = {'<', '1', '3', '>', 'b', 'a', 'd', ' ', (byte) 0xC3, (byte) 0x28};

    private static ElasticsearchEndpoint elasticsearch;
    private static EmbeddedKafka kafka;
    private static ElasticsearchClient client;

    @TempDir
    Path dir;
    private String eventsTopic;
    private String deadLetterTopic;

    @BeforeAll
    static void startServers() {
        elasticsearch = ElasticsearchFixture.obtain();
        kafka = EmbeddedKafka.start();
        client = ElasticsearchClients.create(elasticsearch.url());
        System.out.println("e2e: Elasticsearch at " + elasticsearch.url() + elasticsearch.managed()
                .map(m -> " started in " + m.startupTime().toMillis() + " ms").orElse(" (external)")
                + "; Kafka at " + kafka.bootstrapServers() + " started in " + kafka.startupTime().toMillis() + " ms");
    }

    @AfterAll
    static void stopServers() throws Exception {
        SliceFixture.closeServers(client, kafka, elasticsearch);
    }

    @BeforeEach
    void freshTopicsAndIndices(TestInfo test) throws IOException {
        String name = test.getTestMethod().orElseThrow().getName();
        eventsTopic = "events-" + name;
        deadLetterTopic = "deadletter-" + name;
        kafka.createTopic(eventsTopic, 2);
        kafka.createTopic(deadLetterTopic, 1);
        deleteFenghuoIndices();
    }

    @AfterEach
    void cleanIndices() throws IOException {
        deleteFenghuoIndices();
    }

    private static void deleteFenghuoIndices() throws IOException {
        SliceFixture.deleteFenghuoIndices(client);
    }

    private KafkaToElasticsearch pipeline(String groupId, boolean bounded) {
        return KafkaToElasticsearch.defaults(kafka.bootstrapServers(), elasticsearch.url())
                .withTopics(eventsTopic, deadLetterTopic).withGroupId(groupId).withBounded(bounded)
                .withPipeline(new PipelineSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .withElasticsearch(new ElasticsearchSinkSettings(elasticsearch.url(), 200, 5L << 20,
                        Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    private void runBounded(String groupId) throws Exception {
        var env = LocalEnvironments.create(2);
        pipeline(groupId, true).addTo(env);
        env.execute("e2e-" + groupId);
    }

    private long events() {
        try {
            return SliceFixture.count(client, "fenghuo-events-*");
        } catch (IOException e) {
            return -1; // Elasticsearch restarting: not there yet
        }
    }

    @Test
    void nLinesBecomeNDocumentsAndAReplayStaysN() throws Exception {
        Path file = SliceFixture.writeFile(dir, "auth.log", SliceFixture.syslogLines(0, N), INVALID_UTF8);
        CollectorStats stats = SliceFixture.ingest(file, kafka.bootstrapServers(), eventsTopic, deadLetterTopic);
        assertThat(stats.parsed()).isEqualTo(N);
        assertThat(stats.malformed()).isEqualTo(1);

        // An ECS document Elasticsearch will refuse (not an IP in an ip field): kept as a dead letter.
        SliceFixture.produceRaw(kafka.bootstrapServers(), eventsTopic,
                "{\"@timestamp\":\"2026-11-23T10:00:00Z\",\"event\":{\"id\":\"bad-ip\"},\"source\":{\"ip\":\"999.1.1.1\"}}");

        runBounded("first");
        assertThat(SliceFixture.count(client, "fenghuo-events-*")).isEqualTo(N);
        // refused by the event index once (the late index, when the event came late, refuses its own copy too)
        assertThat(SliceFixture.count(client, "fenghuo-deadletter-*",
                "\"refused the document\" AND source.ip AND fenghuo.dead_letter.origin:fenghuo-events*")).isEqualTo(1);

        // The same file again: Kafka now holds every line twice; a fresh consumer group reads all 2N.
        SliceFixture.ingest(file, kafka.bootstrapServers(), eventsTopic, deadLetterTopic);
        runBounded("replay");
        assertThat(SliceFixture.count(client, "fenghuo-events-*")).isEqualTo(N);

        assertEcsFields();
        assertThat(SliceFixture.count(client, "fenghuo-deadletter-*", "UTF-8")).isEqualTo(1);
    }

    private void assertEcsFields() throws IOException {
        // The index template, not dynamic mapping, typed the fields: addresses are ip, times are date.
        assertThat(mappedType("source.ip")).isEqualTo(co.elastic.clients.elasticsearch._types.mapping.Property.Kind.Ip);
        assertThat(mappedType("@timestamp")).isEqualTo(co.elastic.clients.elasticsearch._types.mapping.Property.Kind.Date);
        assertThat(mappedType("log.syslog.appname")).isEqualTo(co.elastic.clients.elasticsearch._types.mapping.Property.Kind.Keyword);
        assertThat(SliceFixture.count(client, "fenghuo-events-*", "log.syslog.appname:sshd AND log.syslog.facility.code:4"))
                .isEqualTo(N / 2);
        assertThat(SliceFixture.count(client, "fenghuo-events-*", "process.name:sudo AND host.hostname:web2"))
                .isEqualTo(N / 2);
        SearchResponse<ObjectNode> hit = client.search(s -> s.index("fenghuo-events-*").size(1)
                .query(q -> q.queryString(qs -> qs.query("log.syslog.structured_data.meta.seq:\"10\""))), ObjectNode.class);
        assertThat(hit.hits().hits()).hasSize(1);
        ObjectNode doc = hit.hits().hits().get(0).source();
        assertThat(java.time.Instant.parse(doc.at("/@timestamp").asText())).isEqualTo("2026-11-23T10:00:10Z");
        assertThat(doc.at("/event/dataset").asText()).isEqualTo("syslog.rfc5424");
        assertThat(doc.at("/event/original").asText()).contains("seq=\"10\"");
        assertThat(doc.at("/log/file/path").asText()).endsWith("auth.log");
    }

    private co.elastic.clients.elasticsearch._types.mapping.Property.Kind mappedType(String field) throws IOException {
        var mappings = client.indices().getFieldMapping(f -> f.index("fenghuo-events-*").fields(field)).result();
        var leaf = mappings.values().iterator().next().mappings().get(field).mapping();
        return leaf.values().iterator().next()._kind();
    }

    @Test
    void elasticsearchStoppedAndRestartedMidStreamLosesNothing() throws Exception {
        ManagedElasticsearch managed = elasticsearch.managed().orElse(null);
        assumeTrue(managed != null, ElasticsearchFixture.RESTART_SKIP_REASON);
        List<String> firstHalf = SliceFixture.syslogLines(0, N / 2);
        List<String> secondHalf = SliceFixture.syslogLines(N / 2, N / 2);

        JobClient job = pipeline("outage", false).start(LocalEnvironments.create(2));
        try {
            SliceFixture.ingest(SliceFixture.writeFile(dir, "a.log", firstHalf), kafka.bootstrapServers(), eventsTopic,
                    deadLetterTopic);
            long beforeOutage = SliceFixture.awaitValue(this::events, N / 2, Duration.ofMinutes(2));
            assertThat(beforeOutage).isEqualTo(N / 2);

            managed.stop();
            assertThat(managed.isRunning()).as("Elasticsearch really down during the outage").isFalse();
            SliceFixture.ingest(SliceFixture.writeFile(dir, "b.log", secondHalf), kafka.bootstrapServers(), eventsTopic,
                    deadLetterTopic);
            Thread.sleep(3_000); // let the sink meet the outage: failed bulks, retries, checkpoints that cannot complete
            managed.start();

            long afterOutage = SliceFixture.awaitValue(this::events, N, Duration.ofMinutes(3));
            assertThat(afterOutage).isEqualTo(N);
            Thread.sleep(2_000); // a document routed to the wrong index or without its id would show up as more than N now
            assertThat(events()).isEqualTo(N);
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Issue 6: nothing personal reaches Elasticsearch in clear. An event with an ID number in its
     * user name and message, and a bad record with a phone number, go through the job with keys
     * from a real keystore; the stored documents hold neither, and the blind-index terms find the event.
     */
    @Test
    void personalDataIsProtectedBeforeElasticsearch() throws Exception {
        char[] secret = ("e2e-" + java.util.UUID.randomUUID()).toCharArray();
        Path keystore = dir.resolve("keystore.bcfks");
        Path passphraseFile = java.nio.file.Files.writeString(dir.resolve("keystore.pass"), new String(secret));
        Keystore.create(keystore, KeystorePassphrase.of(secret), false);
        PersonalValues values = new PersonalValues(new java.util.Random(11));
        String idNumber = values.idNumber(false);
        String phone = values.phone();

        SliceFixture.produceRaw(kafka.bootstrapServers(), eventsTopic, "{\"@timestamp\":\"2026-11-23T10:00:00Z\","
                + "\"event\":{\"id\":\"pii-1\"},\"user\":{\"name\":\"" + idNumber + "\"},"
                + "\"message\":\"login by " + idNumber + " phone " + phone + "\"}");
        SliceFixture.produceRaw(kafka.bootstrapServers(), eventsTopic, "not json, call " + phone);

        var env = LocalEnvironments.create(2);
        pipeline("pii", true).withPii(PiiSettings.keystore(keystore, passphraseFile)).addTo(env);
        env.execute("e2e-pii");

        assertThat(SliceFixture.count(client, "fenghuo-events-*")).isEqualTo(1);
        assertThat(SliceFixture.count(client, "fenghuo-deadletter-*")).isEqualTo(1);
        String event = onlySource("fenghuo-events-*");
        String deadLetter = onlySource("fenghuo-deadletter-*");
        String deadRaw = new String(java.util.Base64.getDecoder().decode(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(deadLetter).at("/fenghuo/dead_letter/raw_base64").asText()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(event).doesNotContain(idNumber).doesNotContain(phone).contains("sm4gcm:v1:fenghuo:1:");
        assertThat(deadLetter).doesNotContain(phone);
        assertThat(deadRaw).startsWith("not json, call ").doesNotContain(phone);
        assertThat(SliceFixture.count(client, "fenghuo-*", "\"" + idNumber + "\" OR \"" + phone + "\"")).isZero();

        BlindIndex blind = new BlindIndex(KeystoreKeyRing.open(keystore, KeystorePassphrase.of(secret)), PiiPolicy.defaults());
        assertThat(termCount(BlindIndex.TERMS_FIELD, blind.termFor(PiiKind.ID_NUMBER, idNumber))).isEqualTo(1);
        assertThat(termCount(BlindIndex.TERMS_FIELD, blind.termFor(PiiKind.PHONE, phone))).isEqualTo(1);
        assertThat(termCount(BlindIndex.searchField("user.name"), blind.termFor("user.name", idNumber))).isEqualTo(1);
        assertThat(termCount(BlindIndex.TERMS_FIELD, blind.termFor(PiiKind.PHONE, values.phone()))).as("another phone").isZero();
        assertThat(mappedType(BlindIndex.TERMS_FIELD)).isEqualTo(co.elastic.clients.elasticsearch._types.mapping.Property.Kind.Keyword);
    }

    private String onlySource(String index) throws IOException {
        SearchResponse<ObjectNode> hits = client.search(s -> s.index(index).size(2), ObjectNode.class);
        assertThat(hits.hits().hits()).hasSize(1);
        return hits.hits().hits().get(0).source().toString();
    }

    private long termCount(String field, String term) throws IOException {
        return client.count(c -> c.index("fenghuo-events-*").query(q -> q.term(t -> t.field(field).value(term)))).count();
    }
}
