package org.fenghuo.collectors.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.edge.EdgeTesting.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector as its own JVM ({@link EdgeCollectorMain}), Kafka down: N events over TCP, each
 * acknowledged (the sender's writes returned and the collector's {@code spooled} counter shows all
 * N), then SIGKILL with all N in the spool. Restarted with Kafka up, it delivers all N. Nothing had
 * reached Kafka before the kill, so here they arrive exactly once and in order.
 */
class EdgeCollectorKillTest {

    private static final int EVENTS = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @Test
    void killNineWithANonEmptySpoolLosesNothingAcknowledged() throws Exception {
        int kafkaPort = EdgeTesting.freePort();
        String bootstrap = "127.0.0.1:" + kafkaPort;
        String topic = EdgeTesting.topic();
        int tcpPort = EdgeTesting.freePort();
        int metricsPort = EdgeTesting.freePort();
        Path config = Files.writeString(dir.resolve("edge.yml"),
                EdgeTesting.config(bootstrap, topic, dir.resolve("spool"), tcpPort, metricsPort));

        Process first = startCollector(config, dir.resolve("first.log"));
        try {
            assertThat(EdgeTesting.await(WAIT, () -> scrapeOrEmpty(metricsPort).contains("fenghuo_spool_depth_records")))
                    .as("collector up; see first.log").isTrue();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), tcpPort)) {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream());
                for (int i = 0; i < EVENTS; i++) {
                    out.write(EdgeTesting.line(7, i));
                }
                out.flush();
            }
            String input = "input=\"edge-tcp\"";
            assertThat(EdgeTesting.await(WAIT, () ->
                    sample(scrapeOrEmpty(metricsPort), "fenghuo_collector_spooled_total", input) == EVENTS))
                    .as("all acknowledged (spooled)").isTrue();
            String before = EdgeTesting.scrape(metricsPort);
            assertThat(sample(before, "fenghuo_spool_depth_records", "")).isEqualTo(EVENTS);
            assertThat(sample(before, "fenghuo_collector_sent_total", input)).isZero();
        } finally {
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            first.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(first.exitValue()).as("killed by signal 9").isEqualTo(137);

        try (EmbeddedKafka kafka = EmbeddedKafka.builder().port(kafkaPort).start()) {
            kafka.createTopic(topic, 3);
            kafka.createTopic(topic + ".dead", 1);
            Process second = startCollector(config, dir.resolve("second.log"));
            try {
                List<String> values = EdgeTesting.consume(bootstrap, topic, EVENTS, WAIT);
                Map<Integer, List<Long>> bySource = EdgeTesting.sequencesBySource(values);
                assertThat(bySource.get(7)).as("every acknowledged event, once, in order")
                        .isEqualTo(EdgeTesting.range(EVENTS));
                assertThat(EdgeTesting.await(WAIT, () ->
                        sample(scrapeOrEmpty(metricsPort), "fenghuo_spool_depth_records", "") == 0)).isTrue();
            } finally {
                second.destroy(); // SIGTERM: the graceful path
                assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
        }
    }

    private static String scrapeOrEmpty(int port) {
        try {
            return EdgeTesting.scrape(port);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Process startCollector(Path config, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx384m", "-cp", classpath, EdgeCollectorMain.class.getName(),
                "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
