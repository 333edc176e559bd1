package org.fenghuo.crypto.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few Elasticsearch calls the re-encryption job makes, over plain HTTP with JSON bodies:
 * crypto/ stays free of the Elasticsearch client and its dependencies. Not final only so that a
 * test can make a call fail (failure injection); everything else talks to a real Elasticsearch.
 */
class ElasticsearchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient client;
    private final Duration timeout;

    ElasticsearchHttp(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    static ObjectMapper json() {
        return JSON;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A JSON request; a status other than 2xx is an error naming the call and Elasticsearch's reason. */
    JsonNode send(String method, String path, JsonNode body) {
        String text = body == null ? null : body.toString();
        return send(method, path, text, "application/json");
    }

    /** A {@code _bulk} request (NDJSON body); item-level failures are in the answer, not thrown. */
    JsonNode bulk(String ndjson) {
        return send("POST", "/_bulk", ndjson, "application/x-ndjson");
    }

    private JsonNode send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch " + baseUrl + " unreachable (" + method + " " + path + "): "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Elasticsearch " + baseUrl + " answered " + response.statusCode() + " to "
                    + method + " " + path + ": " + reason(response.body()));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Elasticsearch " + baseUrl + " answered " + method + " " + path
                    + " with something that is not JSON", e);
        }
    }

    private static String reason(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String reason = error.path("reason").asText(null);
            return reason != null ? error.path("type").asText() + ": " + reason : body.substring(0, Math.min(200, body.length()));
        } catch (IOException e) {
            return body.substring(0, Math.min(200, body.length()));
        }
    }
}
