package org.fenghuo.crypto.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                    + envelope.seal("user" + i + "@example.cn", "user.email|" + id) + "\",\"name\":\"plain\"},"
                    + "\"related\":{\"user\":[\"" + envelope.seal("Li " + i, "related.user|" + id) + "\"]}}");
        }
        put(a, "moved", "{\"event\":{\"id\":\"ev-m\"},\"user\":{\"email\":\""
                + envelope.seal("m@example.cn", "user.email|ev-elsewhere") + "\"}}");
        put(b, "unknown", "{\"event\":{\"id\":\"ev-u\"},\"user\":{\"email\":\""
                + envelope.seal("u@example.cn", "user.email|ev-u").replace(":pii:1:", ":pii:7:") + "\"}}");
        put(b, "clear", "{\"event\":{\"id\":\"ev-c\"},\"message\":\"nothing sealed\"}");
        keys.rotate();
        put(a, "new", "{\"event\":{\"id\":\"ev-n\"},\"user\":{\"email\":\""
                + envelope.seal("n@example.cn", "user.email|ev-n") + "\"}}");
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
            assertThat(envelope.open(email, "user.email|ev-" + i)).isEqualTo("user" + i + "@example.cn");
            assertThat(envelope.open(source.path("related").path("user").get(0).asText(), "related.user|ev-" + i))
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
                + envelope.seal("a@example.cn", "user.email|ev-1") + "\"}}");
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
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("http://127.0.0.1:1 unreachable");
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
