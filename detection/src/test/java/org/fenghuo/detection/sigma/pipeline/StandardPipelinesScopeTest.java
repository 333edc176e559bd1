package org.fenghuo.detection.sigma.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.LoadResult;
import org.fenghuo.detection.sigma.SigmaRuleSet;
import org.fenghuo.detection.sigma.eval.RuleIndex;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * The shipped pipelines scope each rule to the events it is written for: Windows rules never meet
 * our Linux or network events, Linux rules never meet Windows events, and products no other
 * pipeline knows (cloud, SaaS, applications) meet only events of their own Elastic module.
 */
class StandardPipelinesScopeTest {
    private static final Pipelines STANDARD = Pipelines.standard();

    /** A sudo command as the syslog sudo parser yields it. */
    private static final SecurityEvent SUDO = event("""
            {"@timestamp":"2026-11-24T01:00:00Z","event":{"id":"s1","kind":"event","module":"syslog",
             "dataset":"syslog.sudo","category":["process"],"type":["start"],"action":"sudo_command"},
             "process":{"name":"sudo","executable":"/usr/bin/id","command_line":"/usr/bin/id -u"},
             "user":{"name":"alice","effective":{"name":"root"}},"host":{"hostname":"app-1"}}""");
    /** An sshd login line as the syslog sshd parser yields it. */
    private static final SecurityEvent SSHD = event("""
            {"@timestamp":"2026-11-24T01:00:01Z","event":{"id":"s2","kind":"event","module":"syslog",
             "dataset":"syslog.sshd","category":["authentication","session"],"type":["start"],"outcome":"success"},
             "process":{"name":"sshd"},"user":{"name":"deploy"},"source":{"ip":"192.0.2.7"},
             "message":"Accepted publickey for deploy from 192.0.2.7 port 50122 ssh2"}""");
    /** A Sysmon process start in Winlogbeat's ECS shape. */
    private static final SecurityEvent SYSMON = event("""
            {"@timestamp":"2026-11-24T01:00:02Z","event":{"id":"w1","kind":"event","module":"sysmon",
             "provider":"Microsoft-Windows-Sysmon","code":"1","category":["process"],"type":["start"]},
             "host":{"name":"ws-1","os":{"type":"windows","family":"windows"}},
             "process":{"executable":"C:\\\\Windows\\\\System32\\\\cmd.exe","command_line":"cmd.exe /c whoami"}}""");
    private static final SecurityEvent AWS = event("""
            {"@timestamp":"2026-11-24T01:00:03Z","event":{"id":"a1","module":"aws","dataset":"aws.cloudtrail",
             "action":"StopLogging","provider":"cloudtrail.amazonaws.com"}}""");
    private static final SecurityEvent AZURE = event("""
            {"@timestamp":"2026-11-24T01:00:04Z","event":{"id":"z1","module":"azure","dataset":"azure.auditlogs",
             "action":"StopLogging"}}""");

    private static SecurityEvent event(String json) {
        try {
            return EcsJsonCodec.fromJson(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean meets(String category, String product, String service, SecurityEvent e) {
        return RuleIndex.meetsConditions(STANDARD.resolve(new LogSource(category, product, service)), e);
    }

    @Test
    void windowsRulesDoNotMeetLinuxEvents() {
        for (String category : new String[] {"process_creation", "network_connection", "file_event", "image_load"}) {
            assertThat(meets(category, "windows", null, SUDO)).as(category).isFalse();
            assertThat(meets(category, "windows", null, SSHD)).as(category).isFalse();
        }
        assertThat(meets(null, "windows", "security", SSHD)).isFalse();
        assertThat(meets(null, "windows", null, SSHD)).as("a bare product windows").isFalse();
        assertThat(meets("process_creation", "windows", null, SYSMON)).isTrue();
        assertThat(meets(null, "windows", null, SYSMON)).isTrue();
    }

    @Test
    void linuxRulesMeetOurLinuxEventsButNotWindowsOnes() {
        assertThat(meets("process_creation", "linux", null, SUDO)).isTrue();
        assertThat(meets("process_creation", "linux", null, SYSMON)).isFalse();
        assertThat(meets(null, "linux", "sshd", SSHD)).isTrue();
        assertThat(meets(null, "linux", "sshd", SYSMON)).isFalse();
        assertThat(meets(null, "linux", "sudo", SUDO)).isTrue();
        assertThat(STANDARD.resolve(new LogSource(null, "linux", null)).conditions())
                .as("a bare product: linux (keyword rules) reads our syslog events")
                .containsExactly(new FieldCondition("event.module", List.of("syslog")));
        assertThat(meets(null, "linux", null, SSHD)).isTrue();
        assertThat(meets(null, "linux", null, SYSMON)).isFalse();
        assertThat(meets(null, "linux", null, AWS)).isFalse();
        assertThat(STANDARD.resolve(new LogSource("process_creation", "linux", null)).conditions())
                .as("a selected category does not also get the bare product's condition")
                .noneMatch(c -> c.field().equals("event.module"));
    }

    /**
     * A Windows rule that matches any process whose image has no backslash (as SigmaHQ's "Execution
     * Of Non-Existing File" does) used to match every Linux process start.
     */
    @Test
    void aWindowsRuleThatMatchesAnyPathWithoutBackslashNoLongerMatchesLinuxProcesses() {
        String rule = """
                title: Image without a path
                id: 11111111-2222-4333-8444-555555555555
                status: test
                logsource:
                  category: process_creation
                  product: windows
                detection:
                  filter:
                    Image|contains: '\\'
                  condition: not filter
                """;
        LoadResult r = SigmaRuleSet.fromYaml("t.yml", rule, STANDARD, Map.of(), null);
        assertThat(r.report().rejections()).isEmpty();

        assertThat(r.ruleSet().evaluate(SUDO)).isEmpty();
        SecurityEvent noPath = event("""
                {"@timestamp":"2026-11-24T01:00:05Z","event":{"id":"w2","category":["process"],"type":["start"]},
                 "host":{"os":{"type":"windows"}},"process":{"executable":"whoami.exe"}}""");
        assertThat(r.ruleSet().evaluate(noPath)).hasSize(1);
    }

    @Test
    void cloudRulesMeetOnlyEventsOfTheirModule() {
        assertThat(STANDARD.resolve(new LogSource(null, "aws", "cloudtrail")).conditions())
                .containsExactly(new FieldCondition("event.module", List.of("aws")));
        assertThat(meets(null, "aws", "cloudtrail", AWS)).isTrue();
        assertThat(meets(null, "aws", "cloudtrail", AZURE)).isFalse();
        assertThat(meets(null, "aws", "cloudtrail", SUDO)).isFalse();
        assertThat(meets(null, "azure", "auditlogs", AZURE)).isTrue();
        assertThat(meets(null, "azure", "auditlogs", AWS)).isFalse();
        assertThat(STANDARD.resolve(new LogSource(null, "m365", "threat_management")).conditions())
                .containsExactly(new FieldCondition("event.module", List.of("o365")));
        assertThat(STANDARD.resolve(new LogSource(null, "gcp", "google_workspace.login")).conditions())
                .containsExactly(new FieldCondition("event.module", List.of("google_workspace")));
        assertThat(STANDARD.resolve(new LogSource(null, "gcp", "gcp.audit")).conditions())
                .containsExactly(new FieldCondition("event.module", List.of("gcp")));
        assertThat(STANDARD.resolve(new LogSource("application", "opencanary", null)).conditions())
                .containsExactly(new FieldCondition("event.module", List.of("opencanary")));
        assertThat(STANDARD.resolve(new LogSource("process_creation", "macos", null)).conditions())
                .containsExactly(new FieldCondition("host.os.type", List.of("macos")));
        assertThat(STANDARD.resolve(new LogSource("antivirus", null, null)).conditions())
                .containsExactly(new FieldCondition("event.category", List.of("malware")));
    }

    @Test
    void productsOtherPipelinesKnowAreLeftToThem() {
        assertThat(STANDARD.resolve(new LogSource(null, "windows", "security")).pipelines())
                .containsExactly("ecs-windows");
        assertThat(STANDARD.resolve(new LogSource("webserver", null, null)).pipelines()).containsExactly("ecs-network");
        assertThat(STANDARD.resolve(new LogSource(null, "zeek", "conn")).conditions())
                .noneMatch(c -> c.field().equals("event.module"));
        assertThat(STANDARD.resolve(new LogSource(null, "fortios", "sslvpnd")).conditions())
                .containsExactly(new FieldCondition("event.dataset", List.of("syslog.fortigate")));
    }
}
