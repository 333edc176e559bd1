package org.fenghuo.correlation.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reverse proxy in front of Elasticsearch that answers {@code 400 Bad Request} with its own HTML
 * (a reload, a header limit): the refusal says nothing about the documents, so the bulk must fail
 * the call (the job restarts from its checkpoint) instead of being halved into dead letters and
 * lost. The proxy is the one thing here that cannot be a real Elasticsearch; it speaks nginx's
 * wire format for that answer.
 */
class BulkIndexerProxyTest {
    private HttpServer proxy;
    private final AtomicInteger bulks = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            bulks.incrementAndGet();
            byte[] html = "<html><head><title>400 Bad Request</title></head><body><center><h1>400 Bad Request</h1></center><hr><center>nginx</center></body></html>"
                    .getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.getResponseHeaders().add("Server", "nginx");
            exchange.sendResponseHeaders(400, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
    }

    @Test
    void aBadRequestFromAProxyFailsTheCallAndDeadLettersNothing() {
        String url = "http://127.0.0.1:" + proxy.getAddress().getPort();
        ElasticsearchClient client = ElasticsearchClients.create(url);
        BulkStats stats = new BulkStats();
        BulkIndexer indexer = new BulkIndexer(client, new ElasticsearchSinkSettings(url, 100, 5L << 20,
                Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(100)), stats);
        List<IndexDocument> documents = List.of(
                new IndexDocument("fenghuo-events-2026.11.24", "a", "{\"message\":\"a\"}".getBytes(StandardCharsets.UTF_8)),
                new IndexDocument("fenghuo-events-2026.11.24", "b", "{\"message\":\"b\"}".getBytes(StandardCharsets.UTF_8)),
                new IndexDocument("fenghuo-events-2026.11.24", "c", "{\"message\":\"c\"}".getBytes(StandardCharsets.UTF_8)));
        try {
            assertThatThrownBy(() -> indexer.indexAll(documents)).isInstanceOf(IOException.class)
                    .hasMessageContaining("refused a whole bulk request of 3 documents with status 400");
            assertThat(bulks.get()).as("sent once, not halved").isEqualTo(1);
            assertThat(stats.splitRequests()).isZero();
        } finally {
            ElasticsearchClients.closeQuietly(client);
        }
    }
}
