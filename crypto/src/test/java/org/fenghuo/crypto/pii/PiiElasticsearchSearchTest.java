package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.sample.PiiCorpus;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The blind index as the console uses it, on a real Elasticsearch: protected corpus events are
 * indexed as stored, a term query on {@code fenghuo.pii.terms} (or a per-field blind index) finds
 * exactly a person's events, and a full-text search for the plaintext finds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiiElasticsearchSearchTest {

    private static final int EVENTS = 600;
    private static final String INDEX = "fenghuo-pii-proof";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final PiiPolicy policy = PiiPolicy.defaults();
    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final PiiCorpus corpus = new PiiCorpus(7L, 15);
    private List<PiiCorpus.Sample> samples;
    private String url;

    @BeforeAll
    void indexProtectedCorpus() throws Exception {
        url = ElasticsearchFixture.shared().url();
        samples = corpus.samples(EVENTS);
        send("DELETE", "/" + INDEX, null);
        JsonNode created = send("PUT", "/" + INDEX, """
                {"mappings":{"dynamic_templates":[{"pii":{"path_match":"fenghuo.pii.*","match_mapping_type":"string","mapping":{"type":"keyword"}}}]}}""");
        assertThat(created.path("acknowledged").asBoolean()).as(created.toString()).isTrue();
        PiiProtector protector = new PiiProtector(policy, keys, PiiFixtures.RANDOM, new SimpleMeterRegistry());
        StringBuilder bulk = new StringBuilder();
        for (PiiCorpus.Sample s : samples) {
            SecurityEvent stored = protector.protect(s.event());
            bulk.append("{\"index\":{\"_id\":\"").append(stored.event().id()).append("\"}}\n")
                    .append(EcsJsonCodec.toJson(stored)).append('\n');
        }
        JsonNode result = send("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString());
        assertThat(result.path("errors").asBoolean()).as(() -> firstError(result)).isFalse();
    }

    @Test
    void termQueriesFindExactlyEachPersonsEvents() throws Exception {
        BlindIndex index = new BlindIndex(keys, policy);
        int nonEmpty = 0;
        for (PiiCorpus.Person p : corpus.persons()) {
            Set<String> expectedById = expected(PiiKind.ID_NUMBER, p.idNumber());
            assertThat(search("fenghuo.pii.terms", index.termFor(PiiKind.ID_NUMBER, p.idNumber())))
                    .as("ID of " + p.login()).isEqualTo(expectedById);
            assertThat(search("fenghuo.pii.terms", index.termFor(PiiKind.PHONE, "+86 " + p.phone())))
                    .as("phone of " + p.login()).isEqualTo(expected(PiiKind.PHONE, p.phone()));
            nonEmpty += expectedById.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(corpus.persons().size() / 2);
        // a field's own blind index, as the console searches "fenghuo.person.id_number = ..."
        PiiCorpus.Person someone = corpus.persons().get(0);
        String field = "fenghuo.person.id_number";
        Set<String> byField = search(BlindIndex.searchField(field), index.termFor(field, someone.idNumber()));
        assertThat(byField).isNotEmpty().isSubsetOf(expected(PiiKind.ID_NUMBER, someone.idNumber()));
    }

    @Test
    void fullTextSearchForPlaintextFindsNothing() throws Exception {
        for (PiiCorpus.Person p : corpus.persons()) {
            for (String plain : List.of(p.idNumber(), p.phone(), p.email(), p.bankCard(), p.name())) {
                JsonNode hits = send("POST", "/" + INDEX + "/_search", "{\"query\":{\"query_string\":{\"query\":"
                        + JSON.writeValueAsString("\"" + plain + "\"") + "}}}");
                assertThat(hits.path("hits").path("total").path("value").asInt()).as(plain).isZero();
            }
        }
    }

    private static String firstError(JsonNode bulk) {
        for (JsonNode item : bulk.path("items")) {
            JsonNode error = item.path("index").path("error");
            if (!error.isMissingNode()) {
                return error.toString();
            }
        }
        return "no error item";
    }

    private Set<String> expected(PiiKind kind, String value) {
        String canonical = PiiNormalizer.normalize(kind, value);
        Set<String> ids = new TreeSet<>();
        for (PiiCorpus.Sample s : samples) {
            if (s.planted().stream().anyMatch(x -> x.kind() == kind && x.canonical().equals(canonical))) {
                ids.add(s.event().event().id());
            }
        }
        return ids;
    }

    private Set<String> search(String field, String term) throws Exception {
        JsonNode result = send("POST", "/" + INDEX + "/_search", "{\"size\":1000,\"_source\":false,"
                + "\"query\":{\"term\":{" + JSON.writeValueAsString(field) + ":" + JSON.writeValueAsString(term) + "}}}");
        Set<String> ids = new TreeSet<>();
        result.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }

    private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type",
                path.contains("_bulk") ? "application/x-ndjson" : "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
