package org.fenghuo.collectors.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.output.TopicReader;

/** What the edge collector tests share: free ports, a consumer, a scrape, the sequence-number check. */
final class EdgeTesting {

    static final Pattern SEQUENCE = Pattern.compile("src=(\\d+) seq=(\\d+)");

    private EdgeTesting() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration with one TCP syslog input, Kafka at {@code bootstrap} and the metrics endpoint. */
    static String config(String bootstrap, String topic, Path spool, int tcpPort, int metricsPort) {
        return """
                kafka:
                  bootstrap: %s
                  topics: {events: %s, dead_letters: %s.dead}
                spool: {dir: %s, max_bytes: 2GiB, segment_bytes: 64MiB, fsync: always}
                metrics: {port: %d}
                inputs:
                  - {type: syslog_tcp, name: edge-tcp, port: %d, max_connections: 64}
                """.formatted(bootstrap, topic, topic, spool.toAbsolutePath(), metricsPort, tcpPort);
    }

    static String topic() {
        return "edge-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One RFC 5424 line whose message carries the sender's source and sequence number. */
    static byte[] line(int source, long sequence) {
        return ("<13>1 2024-06-01T12:00:00Z sender" + source + " loss - - - src=" + source + " seq=" + sequence + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the topic from the beginning until {@code expected} records arrived or the timeout. */
    static List<String> consume(String bootstrap, String topic, long expected, Duration timeout) {
        return TopicReader.values(bootstrap, topic, expected, timeout);
    }

    /** Sequence numbers per source, in the order the topic holds them. */
    static Map<Integer, List<Long>> sequencesBySource(List<String> values) {
        Map<Integer, List<Long>> bySource = new HashMap<>();
        for (String value : values) {
            Matcher m = SEQUENCE.matcher(value);
            if (m.find()) {
                bySource.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                        .add(Long.parseLong(m.group(2)));
            }
        }
        return bySource;
    }

    static List<Long> range(long n) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    static String scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/metrics answered " + response.statusCode());
        }
        return response.body();
    }

    /** The value of one sample line, e.g. {@code fenghuo_collector_sent_total{input="edge-tcp"}}; -1 if absent. */
    static double sample(String scrape, String name, String labels) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + "{") && labelsMatch(line.substring(name.length(), line.indexOf('}') + 1), labels)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
            if (labels.isEmpty() && line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private static boolean labelsMatch(String actual, String wanted) {
        for (String label : wanted.split(",")) {
            if (!label.isEmpty() && !actual.contains(label)) {
                return false;
            }
        }
        return true;
    }

    /** Polls until the condition holds or the timeout; never a timing assertion, only a bound on waiting. */
    static boolean await(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(200);
        }
        return check.holds();
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }
}
