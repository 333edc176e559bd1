package org.fenghuo.collectors.syslog.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fenghuo.collectors.syslog.payload.cef.CefParser;
import org.junit.jupiter.api.Test;

class CefParserTest {

    @Test
    void rfc5424CefWithEscapesMapsToEcs() {
        Map<String, Object> e = PayloadHarness.decode("<134>1 2026-11-24T08:15:02.120+08:00 ids01.city.example IPS - - - "
                + "CEF:0|Hangzhou Shield|Edge IPS|5.2.1|SIG\\|4410|Port scan from a\\\\b|7|src=198.51.100.23 spt=40222 "
                + "dst=10.20.1.15 dpt=3389 proto=TCP act=blocked outcome=failure suser=li.wei shost=scanner.example.net "
                + "smac=00:1a:2b:3c:4d:5e cs1Label=zone cs1=DMZ west cs2=a\\=b\\\\c\\nline2 rt=1795479302120 "
                + "request=http://portal.city.example/login?id\\=7 in=512 out=20480 msg=probe detected  on 3 ports");
        assertThat(e).containsEntry("event.dataset", "syslog.cef")
                .containsEntry("observer.vendor", "Hangzhou Shield")
                .containsEntry("observer.product", "Edge IPS")
                .containsEntry("event.code", "SIG|4410")
                .containsEntry("fenghuo.cef.name", "Port scan from a\\b")
                .containsEntry("event.severity", 7)
                .containsEntry("source.ip", "198.51.100.23").containsEntry("source.port", 40222)
                .containsEntry("destination.ip", "10.20.1.15").containsEntry("destination.port", 3389)
                .containsEntry("network.transport", "tcp").containsEntry("network.iana_number", "6")
                .containsEntry("event.action", "blocked").containsEntry("event.outcome", "failure")
                .containsEntry("user.name", "li.wei").containsEntry("source.user.name", "li.wei")
                .containsEntry("source.domain", "scanner.example.net")
                .containsEntry("source.mac", "00-1A-2B-3C-4D-5E")
                .containsEntry("fenghuo.cef.cs1Label", "zone").containsEntry("fenghuo.cef.cs1", "DMZ west")
                .containsEntry("fenghuo.cef.cs2", "a=b\\c\nline2")
                .containsEntry("@timestamp", "2026-11-24T00:15:02.120Z")
                .containsEntry("url.original", "http://portal.city.example/login?id=7")
                .containsEntry("source.bytes", 512).containsEntry("destination.bytes", 20480)
                .containsEntry("message", "probe detected  on 3 ports");
        assertThat((String) e.get("event.original")).startsWith("<134>1 2026-11-24T08:15:02.120+08:00 ids01");
        // the relay's syslog header stays: the device is the observer, the sender host is kept
        assertThat(e).containsEntry("host.hostname", "ids01.city.example");
    }

    @Test
    void cefAsRfc3164TagAndWordSeverity() {
        Map<String, Object> e = PayloadHarness.decode("<132>Nov 24 08:20:11 fw-gw7 CEF:1|Acme|NGFW|9.0|deny-1|Flow denied"
                + "|Very-High|src=203.0.113.9 dst=10.0.0.5 dpt=22 proto=6 start=Nov 24 2026 08:20:10 UTC");
        assertThat(e).containsEntry("event.dataset", "syslog.cef")
                .containsEntry("event.severity", 10)
                .containsEntry("network.transport", "tcp")
                .containsEntry("destination.port", 22)
                .containsEntry("message", "Flow denied")
                .containsEntry("fenghuo.cef.version", "1");
        assertThat(e).containsEntry("event.start", "2026-11-24T08:20:10.000Z");
    }

    @Test
    void shortHeaderIsMalformedButTheEventIsKept() {
        PayloadHarness h = new PayloadHarness();
        h.feed("<134>1 2026-11-24T08:15:02Z host app - - - CEF:0|Vendor|Product|1.0");
        assertThat(h.events).hasSize(1);
        Map<String, Object> e = PayloadHarness.flat(h.events.get(0));
        assertThat(e).containsEntry("tags", List.of("payload_malformed"))
                .containsEntry("fenghuo.payload.parser", "cef")
                .containsEntry("event.dataset", "syslog.rfc5424");
        assertThat((String) e.get("error.message")).contains("CEF header has 4 of its 8");
        assertThat(h.counter("payload_malformed", "cef")).isEqualTo(1.0);
        assertThat(h.deadLetters).isEmpty();
    }

    @Test
    void wrongTypesAreKeptAsideAndCounted() {
        PayloadHarness h = new PayloadHarness();
        h.feed("<134>1 2026-11-24T08:15:02Z host app - - - CEF:0|V|P|1|100|n|3|src=not-an-ip spt=http dst=10.1.1.1");
        Map<String, Object> e = PayloadHarness.flat(h.events.get(0));
        assertThat(e).containsEntry("fenghuo.cef.source.ip", "not-an-ip")
                .containsEntry("fenghuo.cef.source.port", "http")
                .containsEntry("destination.ip", "10.1.1.1")
                .doesNotContainKey("source.port");
        assertThat(h.counter("payload_invalid_values", "cef")).isEqualTo(2.0);
        assertThat(h.counter("payload_parsed", "cef")).isEqualTo(1.0);
    }

    @Test
    void tenThousandExtensionPairsAreBounded() {
        StringBuilder line = new StringBuilder("CEF:0|V|P|1|100|flood|5|");
        for (int i = 0; i < 10_000; i++) {
            line.append("k").append(i).append("=v").append(i).append(' ');
        }
        PayloadResult r = new CefParser().parse(new PayloadInput("h", null, line.toString()));
        assertThat(r).isInstanceOf(PayloadResult.Parsed.class);
        EcsFields f = ((PayloadResult.Parsed) r).fields();
        assertThat(f.get("fenghuo.cef.pairs_dropped")).isEqualTo((long) (10_000 - CefParser.MAX_PAIRS));
        assertThat(f.get("fenghuo.cef.k0")).isEqualTo("v0");
        assertThat(f.asMap()).hasSizeLessThan(CefParser.MAX_PAIRS + 20);
    }

    @Test
    void foreignTextIsNotMine() {
        assertThat(new CefParser().parse(new PayloadInput("h", "sshd", "Accepted password for root")))
                .isInstanceOf(PayloadResult.NotMine.class);
    }
}
