package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.KeystoreKeyRing;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.fenghuo.crypto.rotation.SealedValueContext;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code fenghuo keys rotate} then {@code reencrypt} against the real Elasticsearch of the shared fixture. */
class KeysReencryptCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> ENV = Map.of(KeystorePassphrase.VALUE_ENV, "reencrypt-test-passphrase");

    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    @TempDir
    Path dir;

    private final String url = ElasticsearchFixture.shared().url();
    private final String index = "fenghuo-events-keys-cli-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void deleteIndex() throws Exception {
        send("DELETE", "/" + index, null);
    }

    @Test
    void rotateThenReencryptMovesStoredValuesToTheNewVersion() throws Exception {
        Path keystore = threeNamesSealedUnderV1ThenRotated("Wang");

        CliRunner.Result run = KeysCommandTest.keys(ENV, "reencrypt", "--keystore", keystore.toString(), "--es", url,
                "--index", "fenghuo-events-keys-cli-*" + index.substring(index.length() - 8));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("to fenghuo v2").contains("documents_scanned=3").contains("values_reencrypted=3")
                .contains("conflicts=0");
        send("POST", "/" + index + "/_refresh", null);
        KeystoreKeyRing v2 = KeystoreKeyRing.open(keystore, KeystorePassphrase.of(ENV.get(KeystorePassphrase.VALUE_ENV).toCharArray()));
        String sealed = send("GET", "/" + index + "/_doc/ev-1", null).path("_source").path("user").path("name").asText();
        assertThat(FieldEnvelope.header(sealed).keyVersion()).isEqualTo(2);
        assertThat(new FieldEnvelope(v2, new SecureRandom()).open(sealed, SealedValueContext.of("user.name", "ev-1"))).isEqualTo("Wang 1");

        CliRunner.Result again = KeysCommandTest.keys(ENV, "reencrypt", "--keystore", keystore.toString(), "--es", url,
                "--index", index);
        assertThat(again.out()).contains("values_reencrypted=0").contains("values_current=3");
    }

    @Test
    void anUnreachableElasticsearchIsExitCodeThree() {
        Path keystore = dir.resolve("keystore.bcfks");
        assertThat(KeysCommandTest.keys(ENV, "init", "--keystore", keystore.toString()).exitCode()).isZero();
        CliRunner.Result run = KeysCommandTest.keys(ENV, "reencrypt", "--keystore", keystore.toString(), "--es",
                "http://127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(FenghuoCli.EXIT_SERVICE);
        assertThat(run.err()).startsWith("fenghuo keys reencrypt: Elasticsearch http://127.0.0.1:1 unreachable");
    }

    @Test
    void aFailureMidRunPrintsTheCountsSoFarThenExitsThree() throws Exception {
        Path keystore = threeNamesSealedUnderV1ThenRotated("Zhao");

        CliRunner.Result run;
        try (FailingBulkProxy proxy = new FailingBulkProxy(url, 2)) {
            run = KeysCommandTest.keys(ENV, "reencrypt", "--keystore", keystore.toString(), "--es", proxy.url(),
                    "--index", index, "--page-size", "1");
        }

        assertThat(run.exitCode()).isEqualTo(FenghuoCli.EXIT_SERVICE);
        assertThat(run.out()).startsWith("reencrypt " + index + " to fenghuo v2 stopped: documents_scanned=2 "
                + "documents_rewritten=1 values_reencrypted=1");
        assertThat(run.err()).startsWith("fenghuo keys reencrypt: Elasticsearch ").contains("answered 503 to POST /_bulk");
    }

    /**
     * Failure injection: forwards every request to the real Elasticsearch except the {@code n}th
     * {@code _bulk}, which gets a 503 as from an overloaded node.
     */
    private static final class FailingBulkProxy implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger bulks = new AtomicInteger();

        FailingBulkProxy(String target, int n) throws java.io.IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    String path = exchange.getRequestURI().getRawPath();
                    String query = exchange.getRequestURI().getRawQuery();
                    if (path.equals("/_bulk") && bulks.incrementAndGet() == n) {
                        byte[] error = "{\"error\":{\"type\":\"injected\",\"reason\":\"bulk refused by test proxy\"},\"status\":503}"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/json");
                        exchange.sendResponseHeaders(503, error.length);
                        exchange.getResponseBody().write(error);
                        return;
                    }
                    HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target + path + (query == null ? "" : "?" + query)))
                            .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body));
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    if (type != null) {
                        forward.header("Content-Type", type);
                    }
                    HttpResponse<byte[]> answer = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A new keystore, three documents whose {@code user.name} ("NAME 0".."NAME 2") is sealed under v1, then {@code keys rotate}. */
    private Path threeNamesSealedUnderV1ThenRotated(String name) throws Exception {
        Path keystore = dir.resolve("keystore.bcfks");
        assertThat(KeysCommandTest.keys(ENV, "init", "--keystore", keystore.toString()).exitCode()).isZero();
        KeystoreKeyRing v1 = KeystoreKeyRing.open(keystore, KeystorePassphrase.of(ENV.get(KeystorePassphrase.VALUE_ENV).toCharArray()));
        FieldEnvelope envelope = new FieldEnvelope(v1, new SecureRandom());
        for (int i = 0; i < 3; i++) {
            String id = "ev-" + i;
            send("PUT", "/" + index + "/_doc/" + id, "{\"event\":{\"id\":\"" + id + "\"},\"user\":{\"name\":\""
                    + envelope.seal(name + " " + i, SealedValueContext.of("user.name", id)) + "\"}}");
        }
        send("POST", "/" + index + "/_refresh", null);
        assertThat(KeysCommandTest.keys(ENV, "rotate", "--keystore", keystore.toString()).exitCode()).isZero();
        return keystore;
    }

    private static JsonNode send(String method, String path, String body) throws Exception {
        String base = ElasticsearchFixture.shared().url();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
