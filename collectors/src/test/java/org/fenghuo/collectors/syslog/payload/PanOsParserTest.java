package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanOsParserTest {

    @Test
    void trafficEnd() {
        Map<String, Object> e = PayloadHarness.decode("<14>Nov 24 09:40:12 pa-core-1 1,2026/11/24 09:40:12,013201001234,"
                + "TRAFFIC,end,2561,2026/11/24 09:40:11,10.60.3.21,93.184.216.34,203.0.113.4,93.184.216.34,"
                + "\"allow, web\",city\\liu,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,fwd-all,2026/11/24 09:40:12,"
                + "558812,1,52111,443,40112,443,0x400019,tcp,allow,9120,1830,7290,21,2026/11/24 09:39:50,21,"
                + "computer-and-internet-info,0,889911,0x0,10.0.0.0-10.255.255.255,United States,0,11,10,tcp-fin");
        assertThat(e).containsEntry("event.dataset", "syslog.paloalto")
                .containsEntry("observer.serial_number", "013201001234")
                .containsEntry("@timestamp", "2026-11-24T09:40:11.000Z")
                .containsEntry("source.ip", "10.60.3.21").containsEntry("destination.ip", "93.184.216.34")
                .containsEntry("source.nat.ip", "203.0.113.4")
                .containsEntry("rule.name", "allow, web").containsEntry("user.name", "city\\liu")
                .containsEntry("network.application", "ssl")
                .containsEntry("source.port", 52111).containsEntry("destination.port", 443)
                .containsEntry("network.transport", "tcp").containsEntry("event.action", "allow")
                .containsEntry("event.outcome", "success")
                .containsEntry("event.type", List.of("connection", "end", "allowed"))
                .containsEntry("network.bytes", 9120).containsEntry("source.bytes", 1830)
                .containsEntry("destination.bytes", 7290)
                .containsEntry("source.packets", 11).containsEntry("destination.packets", 10)
                .containsEntry("event.reason", "tcp-fin")
                .containsEntry("event.duration", 21_000_000_000L);
    }

    @Test
    void threatVulnerability() {
        Map<String, Object> e = PayloadHarness.decode("<12>1 2026-11-24T09:41:00+08:00 pa-core-1 - - - - 1,2026/11/24 09:41:00,"
                + "013201001234,THREAT,vulnerability,2561,2026/11/24 09:40:59,198.51.100.66,10.60.9.5,0.0.0.0,0.0.0.0,"
                + "dmz-in,,,web-browsing,vsys1,untrust,dmz,ethernet1/1,ethernet1/3,fwd-all,2026/11/24 09:41:00,77120,1,"
                + "44310,80,0,0,0x2000,tcp,reset-both,\"cgi-bin/x.php\",Apache Struts RCE(33412),any,critical,"
                + "client-to-server,120033,0x0,China,10.0.0.0-10.255.255.255,0,,0,,,0,,,,,,,,0");
        assertThat(e).containsEntry("event.dataset", "syslog.paloalto")
                .containsEntry("event.category", List.of("intrusion_detection"))
                .containsEntry("event.type", List.of("denied"))
                .containsEntry("rule.id", "33412").containsEntry("rule.name", "Apache Struts RCE")
                .containsEntry("event.severity", 5).containsEntry("network.direction", "outbound")
                .containsEntry("event.outcome", "failure").containsEntry("file.name", "cgi-bin/x.php")
                .containsEntry("source.ip", "198.51.100.66");
    }

    @Test
    void tooFewColumnsIsMalformed() {
        PayloadHarness h = new PayloadHarness();
        h.feed("<14>Nov 24 09:40:12 pa 1,2026/11/24 09:40:12,013201001234,TRAFFIC,end,2561,x");
        assertThat(PayloadHarness.flat(h.events.get(0))).containsEntry("tags", List.of("payload_malformed"));
        assertThat(h.counter("payload_malformed", "paloalto")).isEqualTo(1.0);
    }
}
