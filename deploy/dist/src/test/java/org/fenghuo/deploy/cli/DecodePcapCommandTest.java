package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DecodePcapCommandTest {
    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    /** One raw-IP pcap record: a TCP SYN from 192.0.2.1:1234 to 192.0.2.2:80. */
    private static byte[] oneSynCapture() {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + 40).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        b.putInt(1_700_000_000).putInt(0).putInt(40).putInt(40);
        b.order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 40).putShort((short) 7).putShort((short) 0)
                .put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[] {(byte) 192, 0, 2, 1}).put(new byte[] {(byte) 192, 0, 2, 2});
        b.putShort((short) 1234).putShort((short) 80).putInt(1).putInt(0).put((byte) 0x50).put((byte) 0x02)
                .putShort((short) 1024).putShort((short) 0).putShort((short) 0);
        return b.array();
    }

    /** A DNS query for example.com and its answer (93.184.216.34), raw IP over UDP, 192.0.2.1 -> 192.0.2.53. */
    static byte[] dnsCapture() {
        byte[] question = {7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1};
        ByteBuffer query = ByteBuffer.allocate(12 + question.length).putShort((short) 0x1234).putShort((short) 0x0100)
                .putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0).put(question);
        ByteBuffer answer = ByteBuffer.allocate(12 + question.length + 16).putShort((short) 0x1234)
                .putShort((short) 0x8180).putShort((short) 1).putShort((short) 1).putShort((short) 0).putShort((short) 0)
                .put(question).putShort((short) 0xC00C).putShort((short) 1).putShort((short) 1).putInt(300)
                .putShort((short) 4).put(new byte[] {93, (byte) 184, (byte) 216, 34});
        byte[] client = {(byte) 192, 0, 2, 1};
        byte[] server = {(byte) 192, 0, 2, 53};
        byte[] q = udpRecord(0, client, 40000, server, 53, query.array());
        byte[] a = udpRecord(1000, server, 53, client, 40000, answer.array());
        ByteBuffer b = ByteBuffer.allocate(24 + q.length + a.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        return b.put(q).put(a).array();
    }

    private static byte[] udpRecord(int micros, byte[] src, int sport, byte[] dst, int dport, byte[] payload) {
        int length = 20 + 8 + payload.length;
        ByteBuffer b = ByteBuffer.allocate(16 + length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1_700_000_000).putInt(micros).putInt(length).putInt(length);
        b.order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) 7).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(src).put(dst);
        b.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload.length)).putShort((short) 0)
                .put(payload);
        return b.array();
    }

    @Test
    void outputThatCannotBeWrittenIsExitCodeOneNotSuccess() throws Exception {
        Path file = isolatedHome.path().resolve("dns.pcap");
        Files.write(file, dnsCapture());
        CliRunner.Result result = CliRunner.runWithFailingStdout("decode", "pcap", file.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(FenghuoCli.EXIT_NOTHING);
        assertThat(result.err()).contains("fenghuo decode pcap: could not write all output to stdout");
    }

    private CliRunner.Result decode(ByteArrayOutputStream stdout, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "decode";
        all[1] = "pcap";
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.runWithStdout(stdout, all);
    }

    private static java.util.List<JsonNode> lines(ByteArrayOutputStream stdout) throws Exception {
        java.util.List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            nodes.add(new ObjectMapper().readTree(line));
        }
        return nodes;
    }

    @Test
    void printsTheFlowsFirstThenTheProtocolEventsLinkedToThem() throws Exception {
        Path file = isolatedHome.path().resolve("dns.pcap");
        Files.write(file, dnsCapture());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = decode(stdout, file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("packets=2").contains("flows=1").contains("(dns=2)");
        java.util.List<JsonNode> events = lines(stdout);
        assertThat(events).extracting(e -> e.at("/event/dataset").asText()).containsExactly("pcap.flow", "pcap.dns", "pcap.dns");
        String flowId = events.get(0).at("/fenghuo/flow_id").asText();
        assertThat(events.get(0).at("/network/protocol").asText()).isEqualTo("dns");
        assertThat(events.subList(1, 3)).allSatisfy(e -> {
            assertThat(e.at("/fenghuo/flow_id").asText()).isEqualTo(flowId);
            assertThat(e.at("/dns/question/name").asText()).isEqualTo("example.com");
        });
        assertThat(events.get(2).at("/dns/resolved_ip/0").asText()).isEqualTo("93.184.216.34");
    }

    @Test
    void protocolsCanBeNarrowedOrNamedWrongly() throws Exception {
        Path file = isolatedHome.path().resolve("dns.pcap");
        Files.write(file, dnsCapture());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result flowsOnly = decode(stdout, "--protocols", "none", file.toString());
        assertThat(flowsOnly.exitCode()).as(flowsOnly.err()).isZero();
        assertThat(lines(stdout)).extracting(e -> e.at("/event/dataset").asText()).containsExactly("pcap.flow");

        ByteArrayOutputStream allOut = new ByteArrayOutputStream();
        CliRunner.Result all = decode(allOut, "--protocols", "all", file.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(lines(allOut)).extracting(e -> e.at("/event/dataset").asText()).contains("pcap.flow", "pcap.dns");

        CliRunner.Result wrong = decode(new ByteArrayOutputStream(), "--protocols", "dns,smtp", file.toString());
        assertThat(wrong.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(wrong.err()).contains("unknown protocol 'smtp'").contains("known: ").contains("dns");
    }

    @Test
    void printsOneNdjsonFlowPerConnectionAndAStatsLine() throws Exception {
        Path file = isolatedHome.path().resolve("syn.pcap");
        Files.write(file, oneSynCapture());
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = decode(stdout, file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("packets=1").contains("flows=1");
        String[] lines = stdout.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode flow = new ObjectMapper().readTree(lines[0]);
        assertThat(flow.at("/source/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(flow.at("/destination/port").asInt()).isEqualTo(80);
        assertThat(flow.at("/network/transport").asText()).isEqualTo("tcp");
        assertThat(flow.at("/network/community_id").asText()).startsWith("1:");
    }

    @Test
    void anUnknownInterfaceIsExitCodeFourAndListsTheRealOnes() {
        CliRunner.Result result = CliRunner.run("decode", "pcap", "--live", "fenghuo-nope0");
        assumeTrue(!result.err().contains("libpcap is not installed"), "libpcap0.8 is not installed: " + result.err());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(result.err()).contains("no such interface: fenghuo-nope0").contains("lo");
    }

    @Test
    void liveOptionsAreCheckedAgainstFiles() {
        assertThat(CliRunner.run("decode", "pcap", "--live", "lo", "x.pcap").err()).contains("give no FILE");
        assertThat(CliRunner.run("decode", "pcap", "--bpf", "udp", "x.pcap").err()).contains("--live capture only");
        assertThat(CliRunner.run("decode", "pcap").exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
    }

    /** Captures on loopback what this test sends there; needs root (or CAP_NET_RAW) and libpcap. */
    @Test
    void liveCaptureOnLoopbackPrintsTheFlow() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "live capture needs root or CAP_NET_RAW");
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        java.util.concurrent.CompletableFuture<CliRunner.Result> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> decode(stdout, "--live", "lo", "--bpf", "udp dst port " + port, "--duration", "PT5S"));
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        try (java.net.DatagramSocket sender = new java.net.DatagramSocket()) {
            while (!run.isDone()) {
                sender.send(new java.net.DatagramPacket(hello, hello.length, java.net.InetAddress.getLoopbackAddress(), port));
                Thread.sleep(200);
            }
        }
        CliRunner.Result result = run.get();
        assumeTrue(!result.err().contains("libpcap is not installed"), "libpcap0.8 is not installed: " + result.err());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).startsWith("live:lo:");
        assertThat(lines(stdout)).anySatisfy(e -> {
            assertThat(e.at("/event/dataset").asText()).isEqualTo("pcap.flow");
            assertThat(e.at("/destination/port").asInt()).isEqualTo(port);
            assertThat(e.at("/source/packets").asLong()).isPositive();
        });
    }

    @Test
    void aMissingFileIsExitCodeFour() {
        CliRunner.Result result = CliRunner.run("decode", "pcap", isolatedHome.path().resolve("none.pcap").toString());
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(result.err()).contains("cannot read");
    }
}
