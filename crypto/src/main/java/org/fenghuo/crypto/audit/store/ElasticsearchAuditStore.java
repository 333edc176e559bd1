package org.fenghuo.crypto.audit.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditEncoding;
import org.fenghuo.crypto.audit.AuditEntry;
import org.fenghuo.crypto.audit.AuditJson;
import org.fenghuo.crypto.audit.AuditStore;
import org.fenghuo.crypto.audit.StoredEntry;

/**
 * The trail as an Elasticsearch index (default {@value #DEFAULT_INDEX}): one document per entry,
 * document id = sequence, written with {@code _create} so the normal write path can never
 * overwrite an entry (a second write of a sequence is refused with 409). The index is created
 * with a strict mapping ({@code fenghuo-audit-index.json}) on first open. Plain HTTP with the JDK
 * client; no Elasticsearch client library.
 */
public final class ElasticsearchAuditStore implements AuditStore {

    public static final String DEFAULT_INDEX = "fenghuo-audit";
    private static final String MAPPING = "fenghuo-audit-index.json";
    private static final int PAGE = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String index;

    private ElasticsearchAuditStore(HttpClient http, String baseUrl, String index) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.index = index;
    }

    /** Connects to {@code baseUrl} (e.g. {@code http://127.0.0.1:9200}) and creates {@code index} if missing. */
    public static ElasticsearchAuditStore open(String baseUrl, String index) throws IOException {
        ElasticsearchAuditStore store = forReading(baseUrl, index);
        store.createIndexIfMissing();
        return store;
    }

    /** Connects without creating anything (for verification). */
    public static ElasticsearchAuditStore forReading(String baseUrl, String index) {
        if (!index.matches("[a-z0-9][a-z0-9._-]{0,254}")) {
            throw new IllegalArgumentException("not a valid index name: " + index);
        }
        return new ElasticsearchAuditStore(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), baseUrl, index);
    }

    @Override
    public Optional<AuditEntry> last() throws IOException {
        refresh();
        JsonNode hits = send("POST", "/" + index + "/_search",
                "{\"size\":1,\"sort\":[{\"sequence\":\"desc\"}]}", 200).path("hits").path("hits");
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        AuditEntry entry = AuditJson.parse(MAPPER.writeValueAsBytes(hits.get(0).path("_source")));
        if (!AuditEncoding.hashMatches(entry)) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, describe() + ": last entry (sequence "
                    + entry.sequence() + ") does not match its hash; verify the trail before appending to it");
        }
        return Optional.of(entry);
    }

    @Override
    public void append(AuditEntry entry) throws IOException {
        HttpResponse<String> response = exchange("PUT", "/" + index + "/_create/" + entry.sequence(),
                AuditJson.toJson(entry));
        if (response.statusCode() == 409) {
            throw new CryptoFailure(CryptoFailure.Reason.NOT_PERMITTED, describe() + " already holds sequence "
                    + entry.sequence() + ": entries are never overwritten");
        }
        expect(response, 201);
    }

    @Override
    public List<StoredEntry> readAll() throws IOException {
        refresh();
        List<JsonNode> hits = new ArrayList<>();
        JsonNode page = send("POST", "/" + index + "/_search?scroll=1m",
                "{\"size\":" + PAGE + ",\"sort\":[\"_doc\"]}", 200);
        String scrollId = page.path("_scroll_id").asText();
        try {
            while (page.path("hits").path("hits").size() > 0) {
                page.path("hits").path("hits").forEach(hits::add);
                page = send("POST", "/_search/scroll", MAPPER.createObjectNode().put("scroll", "1m")
                        .put("scroll_id", scrollId).toString(), 200);
                scrollId = page.path("_scroll_id").asText(scrollId);
            }
        } finally {
            exchange("DELETE", "/_search/scroll", MAPPER.createObjectNode().put("scroll_id", scrollId).toString());
        }
        // Order by document id, which the writer set to the sequence: a document whose content
        // claims another sequence then shows up as out of place.
        hits.sort(Comparator.comparingLong((JsonNode h) -> numericId(h.path("_id").asText()))
                .thenComparing(h -> h.path("_id").asText()));
        List<StoredEntry> out = new ArrayList<>(hits.size());
        for (JsonNode hit : hits) {
            String id = hit.path("_id").asText();
            out.add(new StoredEntry(numericId(id), index + "/_doc/" + id, MAPPER.writeValueAsBytes(hit.path("_source")),
                    true));
        }
        return out;
    }

    @Override
    public String describe() {
        return "Elasticsearch index " + index + " at " + baseUrl;
    }

    @Override
    public void close() {
        // the JDK 17 HttpClient has nothing to close
    }

    private void createIndexIfMissing() throws IOException {
        String mapping;
        try (InputStream in = ElasticsearchAuditStore.class.getResourceAsStream(MAPPING)) {
            if (in == null) {
                throw new IllegalStateException(MAPPING + " missing from the crypto jar");
            }
            mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpResponse<String> response = exchange("PUT", "/" + index, mapping);
        if (response.statusCode() == 400 && response.body().contains("resource_already_exists_exception")) {
            return;
        }
        expect(response, 200);
    }

    private void refresh() throws IOException {
        send("POST", "/" + index + "/_refresh", null, 200);
    }

    private JsonNode send(String method, String path, String body, int expected) throws IOException {
        HttpResponse<String> response = exchange(method, path, body);
        expect(response, expected);
        return MAPPER.readTree(response.body());
    }

    private void expect(HttpResponse<String> response, int expected) throws IOException {
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new IOException(describe() + ": " + response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
        }
    }

    private HttpResponse<String> exchange(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted talking to " + describe());
        }
    }

    private static long numericId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
