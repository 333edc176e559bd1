package org.fenghuo.crypto.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real Elasticsearch of {@link ElasticsearchFixture#shared()}; each test has its own indices. */
class ReencryptionJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SecureRandom random = new SecureRandom();
    private String url;
    private String prefix;
    private final List<String> indices = new ArrayList<>();

    @BeforeEach
    void indexNames() {
        url = ElasticsearchFixture.shared().url();
        prefix = "fenghuo-events-rot-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void deleteIndices() throws Exception {
        for (String index : indices) {
            send("DELETE", "/" + index, null);
        }
    }

    @Test
    void reSealsOlderVersionsAcrossIndicesAndPagesAndCountsWhatItCannotOpen() throws Exception {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String a = prefix + "-2026.11.23";
        String b = prefix + "-2026.11.24";
        for (int i = 0; i < 5; i++) {
            String id = "ev-" + i;
            put(i % 2 == 0 ? a : b, "d" + i, "{\"event\":{\"id\":\"" + id + "\"},\"user\":{\"email\":\""
                    + envelope.seal("user" + i + "@example.cn", "10:user.email|" + id) + "\",\"name\":\"plain\"},"
                    + "\"related\":{\"user\":[\"" + envelope.seal("Li " + i, "12:related.user|" + id) + "\"]}}");
        }
        put(a, "moved", "{\"event\":{\"id\":\"ev-m\"},\"user\":{\"email\":\""
                + envelope.seal("m@example.cn", "10:user.email|ev-elsewhere") + "\"}}");
        put(b, "unknown", "{\"event\":{\"id\":\"ev-u\"},\"user\":{\"email\":\""
                + envelope.seal("u@example.cn", "10:user.email|ev-u").replace(":pii:1:", ":pii:7:") + "\"}}");
        put(b, "clear", "{\"event\":{\"id\":\"ev-c\"},\"message\":\"nothing sealed\"}");
        keys.rotate();
        put(a, "new", "{\"event\":{\"id\":\"ev-n\"},\"user\":{\"email\":\""
                + envelope.seal("n@example.cn", "10:user.email|ev-n") + "\"}}");
        refresh();

        ReencryptionJob job = new ReencryptionJob(url, keys, SealedValueContext.ECS_EVENT_ID, 3, Duration.ofSeconds(30), random);
        List<ReencryptionReport> pages = new ArrayList<>();
        ReencryptionReport report = job.run(prefix + "-*", pages::add);

        assertThat(report.documentsScanned()).isEqualTo(9);
        assertThat(report.documentsRewritten()).isEqualTo(5);
        assertThat(report.valuesReencrypted()).isEqualTo(10);
        assertThat(report.valuesCurrent()).isEqualTo(1);
        assertThat(report.valuesFailed()).isEqualTo(Map.of("authentication_failed", 1L, "missing_key", 1L));
        assertThat(report.conflicts()).isZero();
        assertThat(report.writeFailures()).isZero();
        assertThat(pages).hasSize(3); // 9 documents in pages of 3
        refresh();
        for (int i = 0; i < 5; i++) {
            JsonNode source = get(i % 2 == 0 ? a : b, "d" + i);
            String email = source.path("user").path("email").asText();
            assertThat(FieldEnvelope.header(email).keyVersion()).isEqualTo(2);
            assertThat(envelope.open(email, "10:user.email|ev-" + i)).isEqualTo("user" + i + "@example.cn");
            assertThat(envelope.open(source.path("related").path("user").get(0).asText(), "12:related.user|ev-" + i))
                    .isEqualTo("Li " + i);
            assertThat(source.path("user").path("name").asText()).isEqualTo("plain");
        }
        assertThat(FieldEnvelope.header(get(a, "moved").path("user").path("email").asText()).keyVersion()).isEqualTo(1);

        ReencryptionReport again = job.run(prefix + "-*");
        assertThat(again.valuesReencrypted()).isZero();
        assertThat(again.valuesCurrent()).isEqualTo(11);
        assertThat(again.documentsRewritten()).isZero();
    }

    @Test
    void aDocumentChangedBetweenReadAndWriteIsACountedConflictNotOverwritten() throws Exception {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String index = prefix + "-2026.11.24";
        put(index, "d1", "{\"event\":{\"id\":\"ev-1\"},\"user\":{\"email\":\""
                + envelope.seal("a@example.cn", "10:user.email|ev-1") + "\"}}");
        keys.rotate();
        refresh();
        AtomicBoolean changed = new AtomicBoolean();
        // The context function runs after the read and before the write: an analyst's edit lands there.
        ValueContext racing = (path, source) -> {
            if (changed.compareAndSet(false, true)) {
                put(index, "d1", "{\"event\":{\"id\":\"ev-1\"},\"user\":{\"email\":\"edited meanwhile\"}}");
            }
            return SealedValueContext.ECS_EVENT_ID.contextOf(path, source);
        };

        ReencryptionReport report = new ReencryptionJob(url, keys, racing, 10, Duration.ofSeconds(30), random)
                .run(prefix + "-*");

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.documentsRewritten()).isZero();
        assertThat(report.valuesReencrypted()).isZero();
        assertThat(get(index, "d1").path("user").path("email").asText()).isEqualTo("edited meanwhile");
        assertThat(report.summary()).contains("conflicts=1");
    }

    @Test
    void anIndexPatternWithoutIndicesScansNothingAndAMissingServerIsNamed() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        ReencryptionReport report = new ReencryptionJob(url, keys).run(prefix + "-none-*");
        assertThat(report.documentsScanned()).isZero();
        assertThatThrownBy(() -> new ReencryptionJob("http://127.0.0.1:1", keys).run("fenghuo-events-*"))
                .isInstanceOf(ReencryptionAborted.class).hasCauseInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("http://127.0.0.1:1 unreachable");
    }

    @Test
    void documentsStoredWithoutSourceAreSkippedAndCountedNotACrash() throws Exception {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String noSource = prefix + "-nosource";
        String normal = prefix + "-2026.11.24";
        indices.add(noSource);
        JsonNode created = send("PUT", "/" + noSource, "{\"mappings\":{\"_source\":{\"enabled\":false}}}");
        assertThat(created.path("acknowledged").asBoolean()).as(created.toString()).isTrue();
        for (int i = 0; i < 2; i++) {
            put(noSource, "s" + i, "{\"event\":{\"id\":\"ev-s" + i + "\"},\"user\":{\"email\":\""
                    + envelope.seal("s" + i + "@example.cn", "10:user.email|ev-s" + i) + "\"}}");
        }
        put(normal, "d1", "{\"event\":{\"id\":\"ev-1\"},\"user\":{\"email\":\""
                + envelope.seal("a@example.cn", "10:user.email|ev-1") + "\"}}");
        keys.rotate();
        refresh();

        ReencryptionReport report = new ReencryptionJob(url, keys, SealedValueContext.ECS_EVENT_ID, 10,
                Duration.ofSeconds(30), random).run(prefix + "-*");

        assertThat(report.documentsScanned()).isEqualTo(3);
        assertThat(report.valuesFailed()).isEqualTo(Map.of(ReencryptionJob.NO_SOURCE, 2L));
        assertThat(report.documentsRewritten()).isEqualTo(1);
        assertThat(report.valuesReencrypted()).isEqualTo(1);
        assertThat(report.summary()).contains("no_source=2");
    }

    @Test
    void aBulkFailureMidRunStopsWithTheCountsSoFar() throws Exception {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String index = prefix + "-2026.11.24";
        for (int i = 0; i < 5; i++) {
            put(index, "d" + i, "{\"event\":{\"id\":\"ev-" + i + "\"},\"user\":{\"email\":\""
                    + envelope.seal(i + "@example.cn", "10:user.email|ev-" + i) + "\"}}");
        }
        keys.rotate();
        refresh();
        // The real Elasticsearch, except that the third _bulk request fails as a dropped connection would.
        ElasticsearchHttp failingThirdBulk = new ElasticsearchHttp(url, Duration.ofSeconds(30)) {
            private int bulks;

            @Override
            JsonNode bulk(String ndjson) {
                if (++bulks == 3) {
                    throw new UncheckedIOException("Elasticsearch " + url + " unreachable (POST /_bulk): IOException",
                            new java.io.IOException("injected"));
                }
                return super.bulk(ndjson);
            }
        };
        ReencryptionJob job = new ReencryptionJob(failingThirdBulk, keys, SealedValueContext.ECS_EVENT_ID, 2, random);

        ReencryptionAborted aborted = catchThrowableOfType(() -> job.run(prefix + "-*"), ReencryptionAborted.class);

        assertThat(aborted).hasMessageContaining("unreachable (POST /_bulk)").hasCauseInstanceOf(UncheckedIOException.class);
        assertThat(aborted.unreachable()).isTrue();
        ReencryptionReport partial = aborted.partialReport();
        assertThat(partial.documentsScanned()).isEqualTo(5); // pages of 2, 2 and 1: the last page's write failed
        assertThat(partial.documentsRewritten()).isEqualTo(4);
        assertThat(partial.valuesReencrypted()).isEqualTo(4);
        refresh();
        long atV2 = 0;
        for (int i = 0; i < 5; i++) {
            atV2 += FieldEnvelope.header(get(index, "d" + i).path("user").path("email").asText()).keyVersion() == 2 ? 1 : 0;
        }
        assertThat(atV2).isEqualTo(4);

        ReencryptionReport rerun = new ReencryptionJob(url, keys, SealedValueContext.ECS_EVENT_ID, 2,
                Duration.ofSeconds(30), random).run(prefix + "-*");
        assertThat(rerun.valuesReencrypted()).isEqualTo(1);
        assertThat(rerun.valuesCurrent()).isEqualTo(4);
    }

    @Test
    void aRefusedSearchAbortsWithAnEmptyReportAndElasticsearchsReason() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        ReencryptionAborted aborted = catchThrowableOfType(
                () -> new ReencryptionJob(url, keys).run(prefix + "-missing"), ReencryptionAborted.class);
        assertThat(aborted).hasMessageContaining("answered 404").hasMessageContaining("index_not_found_exception");
        assertThat(aborted.unreachable()).isFalse();
        assertThat(aborted.partialReport().documentsScanned()).isZero();
    }

    private void put(String index, String id, String source) {
        if (!indices.contains(index)) {
            indices.add(index);
        }
        try {
            JsonNode answer = send("PUT", "/" + index + "/_doc/" + id, source);
            assertThat(answer.path("result").asText()).isIn("created", "updated");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String index, String id) throws Exception {
        return send("GET", "/" + index + "/_doc/" + id, null).path("_source");
    }

    private void refresh() throws Exception {
        send("POST", "/" + prefix + "-*/_refresh", null);
    }

    private JsonNode send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
