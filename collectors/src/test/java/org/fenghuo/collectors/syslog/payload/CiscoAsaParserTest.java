package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiscoAsaParserTest {

    private static Map<String, Object> asa(String text) {
        return PayloadHarness.decode("<166>Nov 24 2026 09:50:01 asa-edge : " + text);
    }

    private static Map<String, Object> asa3164(String text) {
        return PayloadHarness.decode("<166>Nov 24 09:50:01 asa-edge " + text);
    }

    @Test
    void aclDeny106023() {
        Map<String, Object> e = asa3164("%ASA-4-106023: Deny tcp src outside:198.51.100.9/40123 dst inside:10.10.1.20/3389 "
                + "by access-group \"outside_access_in\" [0x51a0b1c2, 0x0]");
        assertThat(e).containsEntry("event.dataset", "syslog.cisco-asa").containsEntry("event.code", "106023")
                .containsEntry("event.severity", 4).containsEntry("log.level", "warnings")
                .containsEntry("event.category", List.of("network")).containsEntry("event.type", List.of("connection", "denied"))
                .containsEntry("event.outcome", "failure").containsEntry("source.ip", "198.51.100.9")
                .containsEntry("source.port", 40123).containsEntry("destination.ip", "10.10.1.20")
                .containsEntry("destination.port", 3389).containsEntry("rule.name", "outside_access_in")
                .containsEntry("network.transport", "tcp").containsEntry("observer.ingress.interface.name", "outside");
    }

    @Test
    void aclPermit106100() {
        Map<String, Object> e = asa3164("%ASA-6-106100: access-list inside_in permitted udp inside/10.10.5.5(53211) -> "
                + "outside/8.8.4.4(53) hit-cnt 1 first hit [0x1, 0x2]");
        assertThat(e).containsEntry("event.outcome", "success").containsEntry("rule.name", "inside_in")
                .containsEntry("destination.port", 53).containsEntry("network.transport", "udp");
    }

    @Test
    void builtInboundAndOutboundSwapSides() {
        Map<String, Object> in = asa3164("%ASA-6-302013: Built inbound TCP connection 884412 for outside:203.0.113.50/51000 "
                + "(203.0.113.50/51000) to dmz:172.16.0.10/443 (198.51.100.10/443)");
        assertThat(in).containsEntry("source.ip", "203.0.113.50").containsEntry("destination.ip", "172.16.0.10")
                .containsEntry("network.direction", "inbound")
                .containsEntry("event.type", List.of("connection", "start", "allowed"));
        Map<String, Object> out = asa3164("%ASA-6-302015: Built outbound UDP connection 884413 for outside:8.8.8.8/53 "
                + "(8.8.8.8/53) to inside:10.10.5.5/53211 (198.51.100.2/31001)");
        assertThat(out).containsEntry("source.ip", "10.10.5.5").containsEntry("destination.ip", "8.8.8.8")
                .containsEntry("source.port", 53211).containsEntry("network.transport", "udp");
    }

    @Test
    void teardownWithDurationBytesReason() {
        Map<String, Object> e = asa3164("%ASA-6-302014: Teardown TCP connection 884412 for outside:203.0.113.50/51000 to "
                + "dmz:172.16.0.10/443 duration 0:01:05 bytes 48213 TCP FINs");
        assertThat(e).containsEntry("event.duration", 65_000_000_000L).containsEntry("network.bytes", 48213)
                .containsEntry("event.reason", "TCP FINs").containsEntry("event.type", List.of("connection", "end"));
    }

    @Test
    void teardownWithAUserAfterTheReason() {
        Map<String, Object> e = asa3164("%ASA-6-302014: Teardown TCP connection 884413 for outside:203.0.113.50/51001 to "
                + "inside:10.1.1.5/22 duration 0:00:09 bytes 4096 TCP Reset-O (LOCAL\\ops.wu)");
        assertThat(e).containsEntry("event.reason", "TCP Reset-O").containsEntry("user.name", "LOCAL\\ops.wu");
    }

    /**
     * Hostile lines that made two patterns backtrack (cubic: 4,000 spaces took 41 s; quadratic: 60 KB
     * of " (" took 4 s). Linear now: these lines are read like any other. A regression shows as a
     * test that runs for minutes, not as a timing assertion.
     */
    @Test
    void hostileLinesAreReadWithoutBacktracking() {
        assertThat(asa3164("%ASA-4-733100: [" + " ".repeat(30_000) + "x")).containsEntry("event.code", "733100");
        assertThat(asa3164("%ASA-4-733100: [  Scanning  ] drop rate-1 exceeded. Current burst rate is 2 per second"))
                .containsEntry("rule.name", "Scanning");
        Map<String, Object> e = asa3164("%ASA-6-302014: Teardown TCP connection 9 for outside:203.0.113.50/51000 to "
                + "dmz:172.16.0.10/443 duration 0:00:01 bytes 1 x" + " (".repeat(30_000));
        assertThat(e).containsEntry("event.code", "302014");
    }

    @Test
    void aaaLoginAndCommands() {
        assertThat(asa3164("%ASA-6-113004: AAA user authentication Successful : server =  10.1.1.5 : user = ops.wu"))
                .containsEntry("event.category", List.of("authentication")).containsEntry("event.outcome", "success")
                .containsEntry("user.name", "ops.wu");
        assertThat(asa3164("%ASA-6-113005: AAA user authentication Rejected : reason = AAA failure : server = 10.1.1.5 : "
                + "user = ***** : user IP = 198.51.100.77"))
                .containsEntry("event.outcome", "failure").containsEntry("source.ip", "198.51.100.77")
                .containsEntry("event.reason", "AAA failure");
        assertThat(asa3164("%ASA-6-113015: AAA user authentication Rejected : reason = Invalid password : local database "
                + ": user = admin : user IP = 198.51.100.78"))
                .containsEntry("user.name", "admin").containsEntry("event.outcome", "failure");
        assertThat(asa3164("%ASA-6-605004: Login denied from 198.51.100.80/50122 to outside:203.0.113.1/ssh for user \"root\""))
                .containsEntry("event.outcome", "failure").containsEntry("user.name", "root")
                .containsEntry("network.protocol", "ssh");
        assertThat(asa3164("%ASA-6-605005: Login permitted from 10.9.9.9/50123 to management:10.9.0.1/https for user \"netops\""))
                .containsEntry("event.outcome", "success").containsEntry("source.port", 50123);
        assertThat(asa3164("%ASA-5-111008: User 'netops' executed the 'write memory' command."))
                .containsEntry("user.name", "netops").containsEntry("process.command_line", "write memory");
    }

    @Test
    void threatDetectionAndAclDenied() {
        assertThat(asa3164("%ASA-4-733100: [ Scanning] drop rate-1 exceeded. Current burst rate is 12 per second, max "
                + "configured rate is 10; Current average rate is 5 per second, max configured rate is 5; "
                + "Cumulative total count is 3211"))
                .containsEntry("rule.name", "Scanning").containsEntry("event.kind", "alert");
        assertThat(asa3164("%ASA-4-710003: TCP access denied by ACL from 198.51.100.3/52001 to outside:203.0.113.1/23"))
                .containsEntry("destination.port", 23).containsEntry("event.outcome", "failure");
    }

    @Test
    void unknownIdKeepsCodeAndSeverity() {
        Map<String, Object> e = asa3164("%ASA-3-999999: Something new happened");
        assertThat(e).containsEntry("event.dataset", "syslog.cisco-asa").containsEntry("event.code", "999999")
                .containsEntry("event.severity", 3).containsEntry("message", "Something new happened")
                .doesNotContainKey("fenghuo.cisco_asa.layout_mismatch");
        assertThat(asa3164("%ASA-4-106023: Deny in an unexpected shape"))
                .containsEntry("fenghuo.cisco_asa.layout_mismatch", "true");
    }

    @Test
    void asaInsideMessageAfterRelayHeader() {
        assertThat(asa("%ASA-6-605005: Login permitted from 10.9.9.9/50123 to management:10.9.0.1/https for user \"x\""))
                .containsEntry("event.code", "605005");
    }
}
