package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.fenghuo.collectors.syslog.payload.leef.LeefParser;
import org.junit.jupiter.api.Test;

class LeefParserTest {

    @Test
    void leef1TabSeparated() {
        Map<String, Object> e = PayloadHarness.decode("<13>Nov 24 09:01:44 qradar-relay LEEF:1.0|CityNet|WAF|3.4|login_fail|"
                + "src=192.0.2.44\tdst=10.8.0.12\tsrcPort=61001\tdstPort=443\tproto=TCP\tusrName=zhang.san\tsev=8"
                + "\tcat=auth\tdevTime=Nov 24 2026 09:01:43\tdevTimeFormat=MMM dd yyyy HH:mm:ss\tpolicy=admin portal");
        assertThat(e).containsEntry("event.dataset", "syslog.leef")
                .containsEntry("observer.vendor", "CityNet").containsEntry("observer.product", "WAF")
                .containsEntry("event.code", "login_fail")
                .containsEntry("source.ip", "192.0.2.44").containsEntry("source.port", 61001)
                .containsEntry("destination.ip", "10.8.0.12").containsEntry("destination.port", 443)
                .containsEntry("network.transport", "tcp")
                .containsEntry("user.name", "zhang.san")
                .containsEntry("event.severity", 8)
                .containsEntry("fenghuo.leef.cat", "auth")
                .containsEntry("rule.name", "admin portal")
                .containsEntry("@timestamp", "2026-11-24T09:01:43.000Z");
    }

    @Test
    void leef2WithCaretAndHexDelimiters() {
        Map<String, Object> caret = PayloadHarness.decode("<13>1 2026-11-24T09:02:00Z relay - - - - "
                + "LEEF:2.0|Lantern|Flow|1.1|41|^|src=10.1.1.1^dst=10.2.2.2^dstPort=53^proto=UDP^srcBytes=120");
        assertThat(caret).containsEntry("fenghuo.leef.version", "2.0").containsEntry("source.ip", "10.1.1.1")
                .containsEntry("destination.port", 53).containsEntry("network.transport", "udp")
                .containsEntry("source.bytes", 120);
        Map<String, Object> hex = PayloadHarness.decode("<13>1 2026-11-24T09:02:00Z relay - - - - "
                + "LEEF:2.0|Lantern|Flow|1.1|42|x09|src=10.1.1.3\tdst=10.2.2.4\tusrName=wang");
        assertThat(hex).containsEntry("source.ip", "10.1.1.3").containsEntry("user.name", "wang");
        assertThat(LeefParser.delimiter("0x7C")).isEqualTo('|');
        assertThat(LeefParser.delimiter("xZZ")).isNull();
    }

    @Test
    void badDelimiterIsMalformed() {
        PayloadResult r = new LeefParser().parse(new PayloadInput(null, null, "LEEF:2.0|V|P|1|42|abc|src=1.2.3.4"));
        assertThat(r).isInstanceOf(PayloadResult.Malformed.class);
        assertThat(((PayloadResult.Malformed) r).reason()).contains("delimiter 'abc'");
    }
}
