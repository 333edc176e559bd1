package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DecodeNetflowCommandTest {
    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    /** A raw-IP pcap of UDP datagrams from 192.0.2.1:50000 to 192.0.2.2:{@code port}, one per payload. */
    private static byte[] capture(int port, byte[]... payloads) {
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        int micros = 0;
        for (byte[] payload : payloads) {
            int length = 20 + 8 + payload.length;
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(1_700_000_000).putInt(micros += 1000).putInt(length).putInt(length);
            b.order(ByteOrder.BIG_ENDIAN);
            b.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) 7).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[] {(byte) 192, 0, 2, 1}).put(new byte[] {(byte) 192, 0, 2, 2});
            b.putShort((short) 50000).putShort((short) port).putShort((short) (8 + payload.length)).putShort((short) 0)
                    .put(payload);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** A NetFlow v5 datagram of {@code count} records: 10.0.0.{n}:1000+n -> 10.0.1.1:80, tcp. */
    private static byte[] v5(int count) {
        ByteBuffer b = ByteBuffer.allocate(24 + 48 * count);
        b.putShort((short) 5).putShort((short) count).putInt(60_000).putInt(1_700_000_000).putInt(0).putInt(0).putInt(0);
        for (int n = 1; n <= count; n++) {
            b.put(new byte[] {10, 0, 0, (byte) n}).put(new byte[] {10, 0, 1, 1}).putInt(0).putShort((short) 1)
                    .putShort((short) 2).putInt(4).putInt(400).putInt(50_000).putInt(59_000)
                    .putShort((short) (1000 + n)).putShort((short) 80).put((byte) 0).put((byte) 0x12).put((byte) 6)
                    .put((byte) 0).putInt(0).putShort((short) 0).putShort((short) 0);
        }
        return b.array();
    }

    /** A v9 datagram: template 256 (src, dst IPv4, octets) when {@code template}, else one data record of it. */
    private static byte[] v9(boolean template) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putShort((short) 9).putShort((short) 1).putInt(60_000).putInt(1_700_000_000).putInt(template ? 0 : 1).putInt(3);
        if (template) {
            b.putShort((short) 0).putShort((short) 20).putShort((short) 256).putShort((short) 3)
                    .putShort((short) 8).putShort((short) 4).putShort((short) 12).putShort((short) 4)
                    .putShort((short) 1).putShort((short) 4);
        } else {
            b.putShort((short) 256).putShort((short) 16).put(new byte[] {10, 9, 9, 9}).put(new byte[] {10, 8, 8, 8})
                    .putInt(1234);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private CliRunner.Result decode(ByteArrayOutputStream stdout, String... args) {
        return CliRunner.runWithStdout(stdout, java.util.stream.Stream.concat(java.util.stream.Stream.of("decode", "netflow"),
                java.util.Arrays.stream(args)).toArray(String[]::new));
    }

    private static List<JsonNode> lines(ByteArrayOutputStream stdout) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        String text = stdout.toString(StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
            for (String line : text.split("\n")) {
                nodes.add(new ObjectMapper().readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void printsOneEcsFlowPerRecordAndAStatsLine() throws Exception {
        Path file = isolatedHome.path().resolve("v5.pcap");
        Files.write(file, capture(2055, v5(3)));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = decode(stdout, file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("udp_datagrams=1").contains("netflow: datagrams=1 records=3")
                .contains("malformed=0");
        List<JsonNode> flows = lines(stdout);
        assertThat(flows).hasSize(3);
        JsonNode f = flows.get(0);
        assertThat(f.at("/event/dataset").asText()).isEqualTo("netflow.flow");
        assertThat(f.at("/event/module").asText()).isEqualTo("netflow");
        assertThat(f.at("/source/ip").asText()).isEqualTo("10.0.0.1");
        assertThat(f.at("/source/port").asInt()).isEqualTo(1001);
        assertThat(f.at("/destination/port").asInt()).isEqualTo(80);
        assertThat(f.at("/source/bytes").asLong()).isEqualTo(400);
        assertThat(f.at("/network/transport").asText()).isEqualTo("tcp");
        assertThat(f.at("/observer/ip/0").asText()).isEqualTo("192.0.2.1");
        assertThat(f.at("/observer/ingress/interface/id").asText()).isEqualTo("1");
        assertThat(f.at("/fenghuo/netflow/tcpControlBits").asInt()).isEqualTo(0x12);
    }

    @Test
    void templatesFromAnEarlierFileDecodeDataInALaterOne() throws Exception {
        Path templates = isolatedHome.path().resolve("tpl.pcap");
        Path data = isolatedHome.path().resolve("data.pcap");
        Files.write(templates, capture(2055, v9(true)));
        Files.write(data, capture(2055, v9(false)));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = decode(stdout, templates.toString(), data.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lines(stdout)).singleElement().satisfies(f -> {
            assertThat(f.at("/source/ip").asText()).isEqualTo("10.9.9.9");
            assertThat(f.at("/source/bytes").asLong()).isEqualTo(1234);
            assertThat(f.at("/fenghuo/netflow/source_id").asLong()).isEqualTo(3);
        });
    }

    @Test
    void portNarrowsTheDatagramsAndLeftoversAreDeadLettered() throws Exception {
        Path file = isolatedHome.path().resolve("mixed.pcap");
        Files.write(file, capture(4739, v9(false), "hello".getBytes(StandardCharsets.US_ASCII)));
        Path dead = isolatedHome.path().resolve("dead.ndjson");
        ByteArrayOutputStream elsewhere = new ByteArrayOutputStream();
        CliRunner.Result skipped = decode(elsewhere, "--port", "2055", file.toString());
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        assertThat(skipped.err()).contains("udp_datagrams=0 other_packets=2").contains("datagrams=0");

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = decode(stdout, "--port", "4739", "--dead-letters", dead.toString(), file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(lines(stdout)).isEmpty();
        assertThat(result.err()).contains("unsupported_version=1").contains("template_timeout=1");
        List<String> letters = Files.readAllLines(dead);
        assertThat(letters).hasSize(2);
        assertThat(letters).anySatisfy(l -> assertThat(l).contains("unsupported_version: "));
        assertThat(letters).anySatisfy(l -> assertThat(l).contains("never came before the end of the input"));
    }

    @Test
    void badArgumentsAndMissingFiles() {
        assertThat(CliRunner.run("decode", "netflow").exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(CliRunner.run("decode", "netflow", "--port", "70000", "x.pcap").exitCode())
                .isEqualTo(FenghuoCli.EXIT_USAGE);
        CliRunner.Result missing = CliRunner.run("decode", "netflow", isolatedHome.path().resolve("no.pcap").toString());
        assertThat(missing.exitCode()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(missing.err()).contains("cannot read");
    }

    /** A real exporter's export, as captured (logstash-codec-netflow's Cisco ASA pair); skipped without shared data. */
    @Test
    void decodesARealCiscoAsaExport() throws Exception {
        Path dir = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data/netflow/logstash-codec-netflow/dat_as_pcap");
            if (Files.isDirectory(candidate)) {
                dir = candidate;
                break;
            }
        }
        assumeTrue(dir != null, "shared/data/netflow not found above " + Path.of("").toAbsolutePath() + ": skipping");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = decode(stdout, dir.resolve("netflow9_test_cisco_asa_1_tpl.pcap").toString(),
                dir.resolve("netflow9_test_cisco_asa_1_data.pcap").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> flows = lines(stdout);
        assertThat(flows).hasSize(14);
        assertThat(flows).extracting(f -> f.at("/source/ip").asText()).contains("192.168.14.1", "164.164.37.11");
        assertThat(result.err()).contains("records=14").contains("malformed=0");
    }
}
