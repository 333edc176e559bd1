package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HuaweiH3cParserTest {

    @Test
    void huaweiPolicyDeny() {
        Map<String, Object> e = PayloadHarness.decode("<190>Nov 24 2026 10:02:11 USG6650-A %%01POLICY/6/POLICYDENY(l):"
                + "vsys=public, protocol=6, source-ip=10.70.1.8, source-port=50011, destination-ip=203.0.113.45, "
                + "destination-port=22, time=2026/11/24 10:02:11, source-zone=trust, destination-zone=untrust, "
                + "application-name=SSH, rule-name=deny_ssh_out.");
        assertThat(e).containsEntry("event.dataset", "syslog.huawei-usg")
                .containsEntry("observer.vendor", "Huawei").containsEntry("event.code", "POLICY/POLICYDENY")
                .containsEntry("event.severity", 6)
                .containsEntry("event.type", List.of("connection", "denied")).containsEntry("event.outcome", "failure")
                .containsEntry("source.ip", "10.70.1.8").containsEntry("source.port", 50011)
                .containsEntry("destination.ip", "203.0.113.45").containsEntry("destination.port", 22)
                .containsEntry("network.transport", "tcp").containsEntry("rule.name", "deny_ssh_out")
                .containsEntry("observer.ingress.zone", "trust").containsEntry("network.application", "SSH")
                .containsEntry("@timestamp", "2026-11-24T10:02:11.000Z")
                .containsEntry("fenghuo.huawei.vsys", "public");
    }

    @Test
    void huaweiSessionLog() {
        Map<String, Object> e = PayloadHarness.decode("<190>Nov 24 10:05:00 USG6650-A %%01SECLOG/6/SESSION_TEARDOWN(l):"
                + "IPVer=4,Protocol=udp,SourceIP=10.70.2.9,DestinationIP=10.0.0.53,SourcePort=61000,DestinationPort=53,"
                + "SendPkts=1,SendBytes=74,RcvPkts=1,RcvBytes=190,SourceZone=trust,DestinationZone=dmz,"
                + "PolicyName=dns,CloseReason=aged-out");
        assertThat(e).containsEntry("event.type", List.of("connection", "end"))
                .containsEntry("network.transport", "udp").containsEntry("source.bytes", 74)
                .containsEntry("destination.bytes", 190).containsEntry("event.reason", "aged-out")
                .containsEntry("rule.name", "dns");
    }

    @Test
    void h3cFilterAndSession() {
        Map<String, Object> e = PayloadHarness.decode("<134>Nov 24 10:10:00 2026 H3C-F1000 %%10FILTER/6/"
                + "FILTER_ZONE_IPV4_EXECUTION: SrcZoneName(1025)=Trust;DstZoneName(1035)=Untrust;Type(1067)=ACL;"
                + "SecurityPolicy(1072)=web-out;RuleID(1078)=7;Protocol(1001)=TCP;Application(1002)=https;"
                + "SrcIPAddr(1003)=10.80.1.4;SrcPort(1004)=50321;DstIPAddr(1007)=198.51.100.200;DstPort(1008)=443;"
                + "MatchCount(1069)=1;Event(1048)=(8)Session created;");
        assertThat(e).containsEntry("event.dataset", "syslog.h3c").containsEntry("observer.vendor", "H3C")
                .containsEntry("event.code", "FILTER/FILTER_ZONE_IPV4_EXECUTION")
                .containsEntry("event.type", List.of("connection", "start"))
                .containsEntry("event.action", "session created")
                .containsEntry("source.ip", "10.80.1.4").containsEntry("destination.port", 443)
                .containsEntry("rule.name", "web-out").containsEntry("rule.id", "7")
                .containsEntry("observer.egress.zone", "Untrust").containsEntry("fenghuo.h3c.MatchCount", "1");
    }

    @Test
    void h3cLogin() {
        Map<String, Object> e = PayloadHarness.decode("<189>Nov 24 10:12:00 H3C-S5560 %%10SHELL/5/SHELL_LOGIN: "
                + "admin logged in from 192.0.2.15.");
        assertThat(e).containsEntry("event.category", List.of("authentication"))
                .containsEntry("event.outcome", "success").containsEntry("user.name", "admin")
                .containsEntry("source.ip", "192.0.2.15");
    }
}
