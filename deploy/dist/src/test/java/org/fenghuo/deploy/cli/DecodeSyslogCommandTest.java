package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DecodeSyslogCommandTest {
    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    private static final String LINES = String.join("\n",
            "<134>1 2026-11-24T08:15:02Z ids01 IPS - - - CEF:0|Shield|IPS|5|4410|Port scan|7|src=198.51.100.23 dst=10.20.1.15 dpt=3389",
            "<166>Nov 24 09:50:01 asa-edge %ASA-4-106023: Deny tcp src outside:198.51.100.9/40123 dst inside:10.10.1.20/3389 by access-group \"outside_in\" [0x0, 0x0]",
            "Nov 24 09:51:00 web01 sshd[811]: Accepted publickey for deploy from 10.0.0.7 port 50022 ssh2",
            "Nov 24 09:52:00 web01 cron[812]: (root) CMD (run-parts /etc/cron.hourly)",
            "<134>1 2026-11-24T08:15:03Z ids01 IPS - - - CEF:0|Shield|IPS|5",
            "not syslog at all",
            "") + "\n";

    @Test
    void outputThatCannotBeWrittenIsExitCodeOneNotSuccess() throws Exception {
        Path file = isolatedHome.path().resolve("mixed.log");
        Files.writeString(file, LINES);
        CliRunner.Result result = CliRunner.runWithFailingStdout("decode", "syslog", file.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(FenghuoCli.EXIT_NOTHING);
        assertThat(result.err()).contains("fenghuo decode syslog: could not write all output to stdout");
    }

    private CliRunner.Result decode(ByteArrayOutputStream stdout, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "decode";
        all[1] = "syslog";
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.runWithStdout(stdout, all);
    }

    private static List<JsonNode> lines(ByteArrayOutputStream stdout) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            nodes.add(new ObjectMapper().readTree(line));
        }
        return nodes;
    }

    @Test
    void printsEcsNdjsonAndAStatsLineWithPayloadCounts() throws Exception {
        Path file = isolatedHome.path().resolve("mixed.log");
        Files.writeString(file, LINES);
        Path dead = isolatedHome.path().resolve("dead.ndjson");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = decode(stdout, "--dead-letters", dead.toString(), file.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> events = lines(stdout);
        assertThat(events).extracting(e -> e.at("/event/dataset").asText())
                .containsExactly("syslog.cef", "syslog.cisco-asa", "syslog.sshd", "syslog.rfc3164", "syslog.rfc5424");
        assertThat(events.get(0).at("/source/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(events.get(1).at("/event/outcome").asText()).isEqualTo("failure");
        assertThat(events.get(2).at("/user/name").asText()).isEqualTo("deploy");
        assertThat(events.get(4).at("/tags/0").asText()).isEqualTo("payload_malformed");
        assertThat(result.err()).contains("file:mixed.log: lines=7 events=5 empty=1 dead_lettered=1")
                .contains("payload_parsed=3 (cef=1 cisco-asa=1 sshd=1)").contains("payload_unparsed=1")
                .contains("payload_malformed=1 (cef=1)");
        assertThat(Files.readAllLines(dead)).hasSize(1);
    }

    @Test
    void aMissingFileIsExitCodeFour() {
        CliRunner.Result result = CliRunner.run("decode", "syslog", isolatedHome.path().resolve("none.log").toString());
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(result.err()).contains("fenghuo decode syslog: cannot read");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(CliRunner.run("decode", "syslog").exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
    }
}
