package org.fenghuo.collectors.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loss test: TCP syslog senders at a target of 20k events/s in total while the Kafka
 * broker is stopped for 30 s (data directory kept, restarted on the same port). Every event must
 * arrive exactly once, in order per source. The senders are paced to the target; when the
 * collector cannot keep up they are held back by TCP (that is the point), so the test proves
 * no loss at whatever rate this machine reaches, and prints that rate. Scale with
 * {@code -Dedge.loss.rate=} (events/s), {@code -Dedge.loss.seconds=} and {@code -Dedge.loss.outage=}.
 */
class EdgeCollectorLossTest {

    private static final int SOURCES = 16;
    private static final int RATE = Integer.getInteger("edge.loss.rate", 20_000);
    private static final int SECONDS = Integer.getInteger("edge.loss.seconds", 45);
    private static final int OUTAGE_SECONDS = Integer.getInteger("edge.loss.outage", 30);
    private static final Duration WAIT = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void kafkaStoppedForThirtySecondsUnderLoadLosesNothingAndDuplicatesNothing() throws Exception {
        Path kafkaData = dir.resolve("kafka");
        EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(kafkaData).start();
        int kafkaPort = kafka.port();
        String bootstrap = kafka.bootstrapServers();
        String topic = EdgeTesting.topic();
        kafka.createTopic(topic, 3);
        kafka.createTopic(topic + ".dead", 1);
        int tcpPort = EdgeTesting.freePort();
        EdgeConfig config = EdgeConfigReader.standard().parse(EdgeTesting.config(bootstrap, topic,
                dir.resolve("spool"), tcpPort, 0).replace("metrics: {port: 0}", "metrics: {enabled: false}"), dir,
                "test");
        AtomicLongArray sent = new AtomicLongArray(SOURCES);
        long started;
        long sendersDone;
        long maxDepth = 0;
        try (EdgeCollector collector = EdgeCollector.start(config)) {
            started = System.nanoTime();
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < SOURCES; s++) {
                Thread sender = sender(s, tcpPort, sent);
                senders.add(sender);
                sender.start();
            }
            Thread.sleep(5_000);
            kafka.close();
            System.err.printf("loss test: Kafka stopped after %d events%n", total(sent));
            long restartAt = System.nanoTime() + Duration.ofSeconds(OUTAGE_SECONDS).toNanos();
            while (System.nanoTime() < restartAt) {
                maxDepth = Math.max(maxDepth, collector.output().spool().depthRecords());
                Thread.sleep(500);
            }
            maxDepth = Math.max(maxDepth, collector.output().spool().depthRecords());
            kafka = EmbeddedKafka.builder().port(kafkaPort).dataDir(kafkaData).start();
            System.err.printf("loss test: Kafka restarted after %d events, spool held %d records%n", total(sent),
                    maxDepth);
            for (Thread sender : senders) {
                sender.join();
            }
            sendersDone = System.nanoTime();
            long expected = total(sent);
            assertThat(EdgeTesting.await(WAIT, () -> collector.output().spooled() == expected)).as("all spooled")
                    .isTrue();
            long allSpooled = System.nanoTime();
            assertThat(EdgeTesting.await(WAIT, () -> collector.output().spool().depthRecords() == 0))
                    .as("spool drained").isTrue();
            List<String> values = EdgeTesting.consume(bootstrap, topic, expected, WAIT);
            Map<Integer, List<Long>> bySource = EdgeTesting.sequencesBySource(values);
            for (int s = 0; s < SOURCES; s++) {
                assertThat(bySource.get(s)).as("source %d: every event once, in order", s)
                        .isEqualTo(EdgeTesting.range(sent.get(s)));
            }
            assertThat(values).hasSize((int) expected);
            assertThat(collector.output().dropped()).isZero();
            double seconds = (sendersDone - started) / 1e9;
            double ingest = (allSpooled - started) / 1e9;
            // what the senders wrote is not what the collector had read: the kernel's socket buffers
            // hold the difference, which is why both rates are printed
            System.err.printf("loss test: %d events from %d sources written in %.1f s (%.0f events/s, target %d), "
                    + "spooled by the collector in %.1f s (%.0f events/s); Kafka down %d s, spool peak %d records; "
                    + "all arrived once, in order%n", expected, SOURCES, seconds, expected / seconds, RATE, ingest,
                    expected / ingest, OUTAGE_SECONDS, maxDepth);
        } finally {
            kafka.close();
        }
    }

    private static long total(AtomicLongArray sent) {
        long n = 0;
        for (int i = 0; i < sent.length(); i++) {
            n += sent.get(i);
        }
        return n;
    }

    /** One source: one connection, paced to RATE / SOURCES per second in 10 ms steps, for SECONDS. */
    private static Thread sender(int source, int port, AtomicLongArray sent) {
        return new Thread(() -> {
            long perStep = Math.max(1, RATE / SOURCES / 100);
            long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
            long next = System.nanoTime();
            long sequence = 0;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                while (System.nanoTime() < end) {
                    for (int i = 0; i < perStep; i++) {
                        out.write(EdgeTesting.line(source, sequence++));
                    }
                    out.flush();
                    sent.set(source, sequence);
                    next += 10_000_000L;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("source " + source, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loss-sender-" + source);
    }
}
