package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * The quick start as a user types it: {@code fenghuo run}, then {@code fenghuo ingest syslog FILE},
 * a UDP datagram and {@code fenghuo ingest pcap FILE}, then {@code fenghuo search}: real
 * Elasticsearch, Kafka and Flink.
 */
class AllInOneCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINES = 50;

    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    @Test
    void runThenIngestThenSearchShowsTheEvents() throws Exception {
        CommandLine cli = FenghuoCli.commandLine();
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        CompletableFuture<CliRunner.Result> running = CompletableFuture.supplyAsync(() -> CliRunner.run(cli,
                "run", "--syslog-port", "0", "--netflow-port", "0", "--status-interval", "PT1S", "--exit-after", "PT15M"));
        try {
            RunState state = awaitRunning(running);

            Path file = isolatedHome.path().resolve("auth.log");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                lines.add("<38>Nov 23 10:00:" + String.format("%02d", i) + " gw1 sshd[" + (100 + i)
                        + "]: Failed password for root from 10.0.0." + i + " port 22 ssh2");
            }
            lines.add("<38>Nov 99 bad timestamp");
            Files.write(file, lines);
            CliRunner.Result ingest = CliRunner.run("ingest", "syslog", file.toString());
            assertThat(ingest.exitCode()).as(ingest.err()).isZero();
            assertThat(ingest.err()).contains("parsed=" + LINES).contains("malformed=1");

            sendUdp(state.syslogUdp(), "<13>1 2026-11-23T10:00:00Z probe me - - - hello from udp");
            sendUdp(state.netflowUdp(), netflowV5Datagram());

            Path capture = isolatedHome.path().resolve("dns.pcap");
            Files.write(capture, DecodePcapCommandTest.dnsCapture());
            CliRunner.Result pcap = CliRunner.run("ingest", "pcap", capture.toString());
            assertThat(pcap.exitCode()).as(pcap.err()).isZero();
            assertThat(pcap.err()).contains("flows=1").contains("(dns=2)");

            List<JsonNode> found = awaitHits("log.syslog.appname:sshd", LINES);
            assertThat(found).hasSize(LINES).allSatisfy(doc -> {
                assertThat(doc.at("/host/hostname").asText()).isEqualTo("gw1");
                assertThat(doc.at("/event/original").asText()).contains("Failed password");
                // the sshd payload parser ran on the way in
                assertThat(doc.at("/event/dataset").asText()).isEqualTo("syslog.sshd");
                assertThat(doc.at("/event/outcome").asText()).isEqualTo("failure");
                // personal data protected before storage (ephemeral keys: no data dir, no keystore)
                assertThat(doc.at("/user/name").asText()).startsWith("sm4gcm:v1:ephemeral:").doesNotContain("root");
                assertThat(doc.at("/fenghuo/pii/terms/0").asText()).isEqualTo(found.get(0).at("/fenghuo/pii/terms/0").asText())
                        .hasSize(43);
                assertThat(doc.at("/source/ip").asText()).startsWith("10.0.0.");
            });
            String[] lostSearch = {"search", "-n", "5", "log.syslog.appname:sshd"};
            CliRunner.Result lost = CliRunner.runAsMainWithFailingStdout(() -> FenghuoCli.commandLine(lostSearch), lostSearch);
            assertThat(lost.exitCode()).as("hits found but not written").isEqualTo(FenghuoCli.EXIT_NOTHING);
            assertThat(lost.err()).contains("fenghuo search: could not write all output to stdout");
            List<JsonNode> netflow = awaitHits("event.dataset:netflow.flow", 1);
            assertThat(netflow).singleElement().satisfies(doc -> {
                assertThat(doc.at("/source/ip").asText()).isEqualTo("10.9.8.7");
                assertThat(doc.at("/destination/port").asInt()).isEqualTo(502);
                assertThat(doc.at("/source/bytes").asLong() + doc.at("/network/bytes").asLong()).isPositive();
            });
            List<JsonNode> udp = awaitHits("\"hello from udp\"", 1);
            assertThat(udp).singleElement().satisfies(doc -> assertThat(doc.at("/source/ip").asText()).isEqualTo("127.0.0.1"));
            List<JsonNode> dns = awaitHits("event.dataset:pcap.dns", 2);
            assertThat(dns).hasSize(2).allSatisfy(doc -> assertThat(doc.at("/dns/question/name").asText()).isEqualTo("example.com"));
            List<JsonNode> flows = awaitHits("event.dataset:pcap.flow", 1);
            assertThat(flows).singleElement().satisfies(doc -> {
                assertThat(doc.at("/network/protocol").asText()).isEqualTo("dns");
                assertThat(doc.at("/fenghuo/flow_id").asText()).isEqualTo(dns.get(0).at("/fenghuo/flow_id").asText());
            });
            List<JsonNode> deadLetters = awaitHits("--dead-letters", "*", 1);
            assertThat(deadLetters).singleElement().satisfies(doc -> {
                assertThat(doc.at("/error/message").asText()).contains("timestamp");
                assertThat(new String(java.util.Base64.getDecoder().decode(doc.at("/fenghuo/dead_letter/raw_base64").asText()),
                        StandardCharsets.UTF_8)).isEqualTo("<38>Nov 99 bad timestamp");
            });
        } finally {
            run.requestStop();
            CliRunner.Result stopped = running.get();
            assertThat(stopped.exitCode()).as(stopped.err()).isZero();
            assertThat(stopped.out()).contains("Fenghuo is running").contains("fenghuo: stopped")
                    .contains("Personal data  protected with ephemeral keys");
            assertThat(stopped.err()).contains("fenghuo status: job=RUNNING elasticsearch=up");
        }
        assertThat(RunState.read()).as("run.json removed on stop").isEmpty();
    }

    private static RunState awaitRunning(CompletableFuture<CliRunner.Result> running) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (running.isDone()) {
                CliRunner.Result early = running.get();
                throw new AssertionError("fenghuo run ended early (" + early.exitCode() + "): " + early.err());
            }
            var state = RunState.read();
            if (state.isPresent()) {
                return state.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("fenghuo run did not write " + RunState.file() + " in 5 minutes");
    }

    private static void sendUdp(String hostPort, String message) throws Exception {
        sendUdp(hostPort, message.getBytes(StandardCharsets.UTF_8));
    }

    /** One NetFlow v5 export (RFC-less, Cisco's layout): a 24-byte header and one 48-byte record. */
    private static byte[] netflowV5Datagram() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 + 48);
        b.putShort((short) 5).putShort((short) 1).putInt(60_000).putInt(1_795_500_000).putInt(0)
                .putInt(1).put((byte) 0).put((byte) 0).putShort((short) 0);
        b.put(new byte[] {10, 9, 8, 7}).put(new byte[] {10, 9, 8, 1}).put(new byte[4])
                .putShort((short) 3).putShort((short) 4).putInt(12).putInt(3456).putInt(50_000).putInt(59_000)
                .putShort((short) 40000).putShort((short) 502).put((byte) 0).put((byte) 0x1b).put((byte) 6)
                .put((byte) 0).putShort((short) 0).putShort((short) 0).put((byte) 24).put((byte) 24).putShort((short) 0);
        return b.array();
    }

    private static void sendUdp(String hostPort, byte[] bytes) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length,
                    new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)))));
        }
    }

    private static List<JsonNode> awaitHits(String query, int expected) throws Exception {
        return awaitHits(null, query, expected);
    }

    /** Searches until {@code expected} hits show up (documents become searchable within seconds). */
    private static List<JsonNode> awaitHits(String flag, String query, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        List<JsonNode> docs = List.of();
        while (Instant.now().isBefore(deadline)) {
            CliRunner.Result search = flag == null ? CliRunner.run("search", "-n", "1000", query)
                    : CliRunner.run("search", flag, "-n", "1000", query);
            List<JsonNode> parsed = new ArrayList<>();
            for (String line : search.outLines()) {
                parsed.add(JSON.readTree(line));
            }
            docs = parsed;
            if (docs.size() >= expected) {
                break;
            }
            Thread.sleep(500);
        }
        return docs;
    }
}
