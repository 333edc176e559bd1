package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

    @Test
    void printsOneNdjsonFlowPerConnectionAndAStatsLine() throws Exception {
        Path file = isolatedHome.path().resolve("syn.pcap");
        Files.write(file, oneSynCapture());
        PrintStream original = System.out;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            result = CliRunner.run("decode", "pcap", file.toString());
        } finally {
            System.setOut(original);
        }
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
    void liveCaptureIsRefusedClearlyUntilItIsBuilt() {
        CliRunner.Result result = CliRunner.run("decode", "pcap", "--live", "eth0", "x.pcap");
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(result.err()).contains("live capture").contains("not built yet");
    }

    @Test
    void aMissingFileIsExitCodeFour() {
        CliRunner.Result result = CliRunner.run("decode", "pcap", isolatedHome.path().resolve("none.pcap").toString());
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(result.err()).contains("cannot read");
    }
}
