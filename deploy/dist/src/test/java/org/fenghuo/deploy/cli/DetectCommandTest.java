package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {
    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    @TempDir
    Path dir;

    /** A base rule and an event_count correlation over it, in one file, as SigmaHQ ships them. */
    static final String RULE_AND_CORRELATION = """
            title: Failed root login
            id: 6f3a9c1e-0d2b-4c1a-9b7e-1a2b3c4d5e6f
            name: failed_root_login
            status: test
            level: medium
            logsource:
              product: linux
              service: sshd
            detection:
              selection:
                user.name: root
                event.outcome: failure
              condition: selection
            tags:
              - attack.credential-access
              - attack.t1110
            ---
            title: Repeated failed root logins
            id: 0c4f6b2a-7e8d-4f1a-8c9b-2d3e4f5a6b7c
            status: test
            level: high
            correlation:
              type: event_count
              rules:
                - failed_root_login
              group-by:
                - source.ip
              timespan: 5m
              condition:
                gte: 3
            tags:
              - attack.credential-access
              - attack.t1110.001
            """;

    static final String BAD_RULE = """
            title: Bad modifier
            id: 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
            status: test
            logsource:
              product: linux
            detection:
              selection:
                user.name|sounds_like: root
              condition: selection
            """;

    private static String auth(int n, String outcome, String source) {
        return "{\"@timestamp\":\"2026-11-24T01:00:0" + n + "Z\",\"event\":{\"id\":\"e" + n
                + "\",\"category\":[\"authentication\"],\"outcome\":\"" + outcome + "\"},\"source\":{\"ip\":\""
                + source + "\"},\"user\":{\"name\":\"root\"}}";
    }

    private Path events(String... lines) throws Exception {
        Path file = dir.resolve("events.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<JsonNode> alerts(ByteArrayOutputStream stdout) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(new ObjectMapper().readTree(line));
            }
        }
        return out;
    }

    @Test
    void aCorrelationRuleAlertsOnceAndItsBaseRuleStaysSilentAsTheSpecificationSays() throws Exception {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("root.yml"), RULE_AND_CORRELATION);
        Path events = events(auth(1, "failure", "203.0.113.7"), auth(2, "failure", "203.0.113.7"),
                "this is not json", "{\"message\":\"no time\",\"user\":{\"name\":\"root\"},"
                        + "\"event\":{\"outcome\":\"failure\"}}", auth(3, "failure", "203.0.113.7"), auth(4, "failure", "203.0.113.7"),
                auth(5, "failure", "198.51.100.1"), auth(6, "success", "203.0.113.7"));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        CliRunner.Result result = CliRunner.runWithStdout(stdout, "detect", "--rules", rules.toString(),
                "--pipelines", "none", events.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> alerts = alerts(stdout);
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.at("/rule/name").asText()).isEqualTo("Repeated failed root logins");
        assertThat(alert.at("/event/kind").asText()).isEqualTo("alert");
        assertThat(alert.at("/fenghuo/severity").asText()).isEqualTo("high");
        assertThat(alert.at("/related/ip/0").asText()).isEqualTo("203.0.113.7");
        assertThat(alert.at("/threat/technique/id/0").asText()).isEqualTo("T1110.001");
        assertThat(result.err()).contains(events + ":3: not an ECS event")
                .contains("events=7 not_events=1 untimed=1 sigma_matches=5 correlation_out_of_order=0 alerts=1");
    }

    @Test
    void slightlyOutOfOrderEventsCountInCorrelationsWithinTheAllowedLateness() throws Exception {
        Path rules = Files.createDirectory(dir.resolve("rules"));
        Files.writeString(rules.resolve("root.yml"), RULE_AND_CORRELATION);
        Path events = events(auth(2, "failure", "203.0.113.7"), auth(1, "failure", "203.0.113.7"),
                auth(4, "failure", "203.0.113.7"), auth(3, "failure", "203.0.113.7"));

        CliRunner.Result strict = CliRunner.run("detect", "--rules", rules.toString(), "--pipelines", "none",
                events.toString());
        assertThat(strict.exitCode()).isEqualTo(FenghuoCli.EXIT_NOTHING);
        assertThat(strict.err()).contains("correlation_out_of_order=2");

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result tolerant = CliRunner.runWithStdout(stdout, "detect", "--rules", rules.toString(),
                "--pipelines", "none", "--out-of-order", "5", events.toString());
        assertThat(tolerant.exitCode()).as(tolerant.err()).isZero();
        assertThat(tolerant.err()).contains("correlation_out_of_order=0");
        assertThat(alerts(stdout)).extracting(a -> a.at("/rule/name").asText())
                .containsExactly("Repeated failed root logins");
    }

    @Test
    void theAnomalyDetectorsRunWithoutAnyRule() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(auth(i, "failure", "203.0.113.7"));
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = CliRunner.runWithStdout(stdout, "detect", "--anomaly",
                events(lines.toArray(String[]::new)).toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(alerts(stdout)).extracting(a -> a.at("/rule/id").asText())
                .containsExactly("fenghuo.anomaly.brute_force");
    }

    @Test
    void aListedAddressInAnIndicatorFeedRaisesAnAlertNamingTheFeed() throws Exception {
        Path feed = dir.resolve("blocklist.txt");
        Files.writeString(feed, "# a plain list\n203.0.113.0/24\n");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliRunner.Result result = CliRunner.runWithStdout(stdout, "detect", "--indicators", "list:" + feed,
                events(auth(1, "failure", "203.0.113.7"), auth(2, "failure", "198.51.100.1")).toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(alerts(stdout)).extracting(a -> a.at("/rule/id").asText()).containsExactly("fenghuo.ioc.blocklist");
        assertThat(CliRunner.run("detect", "--indicators", "yaml:" + feed, feed.toString()).exitCode())
                .isEqualTo(FenghuoCli.EXIT_USAGE);
        Path other = Files.createDirectory(dir.resolve("other")).resolve("blocklist.txt");
        Files.writeString(other, "198.51.100.1\n");
        CliRunner.Result sameName = CliRunner.run("detect", "--indicators", "list:" + feed, "--indicators",
                "list:" + other, feed.toString());
        assertThat(sameName.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(sameName.err()).contains("already given");
    }

    @Test
    void nothingToRunIsAUsageErrorAndNoAlertIsExitOne() throws Exception {
        Path events = events(auth(1, "success", "10.0.0.1"));
        assertThat(CliRunner.run("detect", events.toString()).exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(CliRunner.run("detect", "--anomaly", events.toString()).exitCode())
                .isEqualTo(FenghuoCli.EXIT_NOTHING);
        assertThat(CliRunner.run("detect", "--anomaly", dir.resolve("missing.ndjson").toString()).exitCode())
                .isEqualTo(FenghuoCli.EXIT_INPUT);
    }

    @Test
    void rulesCheckCountsLoadedAndRejectedByReasonAndListsThemWhenVerbose() throws Exception {
        Path rules = Files.createDirectory(dir.resolve("pack"));
        Files.writeString(rules.resolve("root.yml"), RULE_AND_CORRELATION);
        Files.writeString(rules.resolve("bad.yml"), BAD_RULE);

        CliRunner.Result result = CliRunner.run("rules", "check", "--verbose", rules.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("rules: 1 loaded, 1 rejected (50.0% loaded)")
                .containsPattern("rejected UNKNOWN_MODIFIER +1")
                .contains("correlations: 1 loaded, 0 rejected")
                .contains("bad.yml:");
        assertThat(CliRunner.run("rules", "check", "--exceptions", dir.resolve("none.yml").toString(), rules.toString())
                .exitCode()).as("an exceptions file that cannot be read").isEqualTo(FenghuoCli.EXIT_INPUT);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertThat(CliRunner.run("rules", "check", empty.toString()).exitCode()).isEqualTo(FenghuoCli.EXIT_NOTHING);
    }
}
