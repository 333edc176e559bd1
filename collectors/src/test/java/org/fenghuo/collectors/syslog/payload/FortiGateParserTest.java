package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FortiGateParserTest {

    @Test
    void trafficDenied() {
        Map<String, Object> e = PayloadHarness.decode("<189>Nov 24 09:30:05 FG-HUB-01 date=2026-11-24 time=09:30:05 devname=\"FG-HUB-01\" "
                + "devid=\"FG200FT922900001\" eventtime=1795483805123456789 tz=\"+0800\" logid=\"0000000013\" "
                + "type=\"traffic\" subtype=\"forward\" level=\"notice\" vd=\"root\" srcip=10.40.2.18 srcport=50514 "
                + "srcintf=\"port3\" dstip=203.0.113.80 dstport=445 dstintf=\"wan1\" sessionid=9081723 proto=6 "
                + "action=\"deny\" policyid=12 policyname=\"block smb out\" service=\"SMB\" sentbyte=0 rcvdbyte=0 "
                + "duration=0 user=\"chen.j\" msg=\"Denied by forward policy check\"");
        assertThat(e).containsEntry("event.dataset", "syslog.fortigate")
                .containsEntry("observer.vendor", "Fortinet").containsEntry("observer.hostname", "FG-HUB-01")
                .containsEntry("observer.serial_number", "FG200FT922900001")
                .containsEntry("event.code", "0000000013")
                .containsEntry("event.category", List.of("network"))
                .containsEntry("event.type", List.of("connection", "denied"))
                .containsEntry("event.action", "deny").containsEntry("event.outcome", "failure")
                .containsEntry("source.ip", "10.40.2.18").containsEntry("source.port", 50514)
                .containsEntry("destination.ip", "203.0.113.80").containsEntry("destination.port", 445)
                .containsEntry("network.transport", "tcp").containsEntry("network.protocol", "smb")
                .containsEntry("rule.id", "12").containsEntry("rule.name", "block smb out")
                .containsEntry("user.name", "chen.j")
                .containsEntry("observer.ingress.interface.name", "port3")
                .containsEntry("log.level", "notice")
                .containsEntry("message", "Denied by forward policy check")
                .containsEntry("@timestamp", "2026-11-24T01:30:05.123456789Z")
                .containsEntry("fenghuo.fortigate.sessionid", 9081723);
    }

    @Test
    void sentDirectlyWithoutASyslogHeader() {
        // FortiOS's default syslog format: the PRI, then the key=value pairs, no timestamp or hostname
        Map<String, Object> e = PayloadHarness.decode("<189>date=2026-11-24 time=09:30:05 devname=\"FG-HUB-01\" "
                + "devid=\"FG200FT922900001\" eventtime=1795483805123456789 tz=\"+0800\" logid=\"0000000013\" "
                + "type=\"traffic\" subtype=\"forward\" level=\"notice\" srcip=10.40.2.18 srcport=50514 "
                + "dstip=203.0.113.80 dstport=445 proto=6 action=\"deny\" policyid=12");
        assertThat(e).containsEntry("event.dataset", "syslog.fortigate")
                .containsEntry("observer.hostname", "FG-HUB-01")
                .containsEntry("source.ip", "10.40.2.18").containsEntry("destination.port", 445)
                .containsEntry("event.outcome", "failure")
                .containsEntry("@timestamp", "2026-11-24T01:30:05.123456789Z");
    }

    @Test
    void aTimeWithoutAZoneIsReadInTheInputsZone() {
        // a FortiGate in Beijing time, configured without tz: the input says Asia/Shanghai
        PayloadHarness h = new PayloadHarness(PayloadRules.defaults(), java.time.ZoneId.of("Asia/Shanghai"));
        h.feed("<189>Nov 24 10:00:00 fgt date=2026-11-24 time=10:00:00 devname=FG-HUB-01 devid=FG200 logid=\"0000000013\" "
                + "type=\"traffic\" action=\"deny\" srcip=10.40.2.18 dstip=203.0.113.80");
        assertThat(h.events).hasSize(1);
        assertThat(h.events.get(0).timestamp()).isEqualTo(java.time.Instant.parse("2026-11-24T02:00:00Z"));
        // the same line on a UTC input: read as UTC, as before
        assertThat(PayloadHarness.decode("<189>Nov 24 10:00:00 fgt date=2026-11-24 time=10:00:00 devname=FG-HUB-01 "
                + "devid=FG200 logid=\"0000000013\" type=\"traffic\" action=\"deny\""))
                .containsEntry("@timestamp", "2026-11-24T10:00:00.000Z");
    }

    @Test
    void adminLoginFailedIsAuthenticationAndDateTimeZoneWithoutEventtime() {
        Map<String, Object> e = PayloadHarness.decode("<189>Nov 24 09:31:00 FG-HUB-01 date=2026-11-24 time=09:31:00 devname=FG-HUB-01 "
                + "devid=FG200FT922900001 tz=\"+0800\" logid=\"0100032002\" type=\"event\" subtype=\"system\" "
                + "level=\"alert\" user=\"admin\" srcip=198.51.100.7 action=\"login\" status=\"failed\" "
                + "reason=\"passwd_invalid\" msg=\"Administrator admin login failed from https(198.51.100.7)\"");
        assertThat(e).containsEntry("event.category", List.of("authentication"))
                .containsEntry("event.outcome", "failure").containsEntry("user.name", "admin")
                .containsEntry("event.reason", "passwd_invalid")
                .containsEntry("@timestamp", "2026-11-24T01:31:00.000Z");
    }
}
