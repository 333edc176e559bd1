package org.fenghuo.collectors.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.edge.EdgeTesting.sample;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole edge process in this JVM against a real KRaft broker; the Prometheus endpoint scraped over HTTP. */
class EdgeCollectorTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void countsEveryInputAndOutputStepOnTheMetricsEndpoint() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String topic = EdgeTesting.topic();
            kafka.createTopic(topic, 3);
            kafka.createTopic(topic + ".dead", 1);
            int tcpPort = EdgeTesting.freePort();
            int metricsPort = EdgeTesting.freePort();
            EdgeConfig config = EdgeConfigReader.standard().parse(EdgeTesting.config(kafka.bootstrapServers(), topic,
                    dir.resolve("spool"), tcpPort, metricsPort), dir, "test");
            try (EdgeCollector collector = EdgeCollector.start(config)) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < 3; i++) {
                        out.write(EdgeTesting.line(1, i));
                    }
                    out.write("<999>not syslog\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                List<String> events = EdgeTesting.consume(kafka.bootstrapServers(), topic, 3, WAIT);
                assertThat(EdgeTesting.sequencesBySource(events)).containsEntry(1, List.of(0L, 1L, 2L));
                assertThat(EdgeTesting.consume(kafka.bootstrapServers(), topic + ".dead", 1, WAIT)).singleElement()
                        .asString().contains("PRI 999 is above 191");

                String input = "input=\"edge-tcp\"";
                assertThat(EdgeTesting.await(WAIT, () ->
                        sample(EdgeTesting.scrape(metricsPort), "fenghuo_collector_sent_total", input) == 4)).isTrue();
                String scrape = EdgeTesting.scrape(metricsPort);
                assertThat(sample(scrape, "fenghuo_collector_received_total", input)).isEqualTo(4);
                assertThat(sample(scrape, "fenghuo_collector_parsed_total", input)).isEqualTo(3);
                assertThat(sample(scrape, "fenghuo_collector_malformed_total", input + ",reason=\"invalid_pri\""))
                        .isEqualTo(1);
                assertThat(sample(scrape, "fenghuo_collector_dead_lettered_total", input)).isEqualTo(1);
                assertThat(sample(scrape, "fenghuo_collector_spooled_total", input)).isEqualTo(4);
                assertThat(sample(scrape, "fenghuo_collector_dropped_total", input + ",reason=\"spool_full\""))
                        .isZero();
                assertThat(sample(scrape, "fenghuo_output_drained_total", "")).isEqualTo(4);
                assertThat(sample(scrape, "fenghuo_spool_depth_records", "")).isZero();
                assertThat(sample(scrape, "fenghuo_spool_depth_bytes", "")).isZero();
                assertThat(sample(scrape, "fenghuo_spool_appended_total", "")).isEqualTo(4);
                assertThat(collector.statusLine()).contains("received=4", "sent=4", "spool=0 records");
                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + metricsPort + "/healthz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).isEqualTo("ok kafka=up spool_records=0\n");
            }
        }
    }
}
