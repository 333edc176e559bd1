package org.fenghuo.collectors.pcap.app.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** Golden tests through the whole chain: pcap reader, decoder, flow table, app layer, DNS analyzer. */
class DnsCaptureTest {
    private static final AppProtocols DNS = AppProtocols.of(DnsProtocol.INSTANCE);

    private static byte[] concat(byte[]... parts) {
        DnsWire w = new DnsWire();
        for (byte[] p : parts) {
            w.raw(p);
        }
        return w.bytes();
    }

    private static List<String> summary(TestCapture.Decoded d) {
        return d.protocol("dns").stream().map(e -> e.event().action() + " " + e.dns().id() + " "
                + e.dns().questionName() + " " + e.dns().resolvedIp()).toList();
    }

    @Test
    void udpQueryAndAnswer() {
        TestCapture cap = new TestCapture();
        cap.udp("10.0.0.1", 40000, "10.0.0.53", 53, DnsWire.query(0x1234, "www.example.com", 1));
        cap.udp("10.0.0.53", 53, "10.0.0.1", 40000, DnsWire.answerA(0x1234, "www.example.com", "93.184.216.34"));
        TestCapture.Decoded d = cap.decode(DNS);

        List<SecurityEvent> dns = d.protocol("dns");
        assertThat(dns).hasSize(2);
        SecurityEvent query = dns.get(0);
        assertThat(query.event().action()).isEqualTo("dns-query");
        assertThat(query.event().outcome()).isNull();
        assertThat(query.dns()).isEqualTo(new SecurityEvent.Dns("4660", "query", "QUERY", "www.example.com", "A", "IN",
                null, List.of("RD"), null, null));
        assertThat(query.source().ip()).isEqualTo("10.0.0.1");
        assertThat(query.destination().port()).isEqualTo(53);
        SecurityEvent answer = dns.get(1);
        assertThat(answer.event().action()).isEqualTo("dns-answer");
        assertThat(answer.event().outcome()).isEqualTo("success");
        assertThat(answer.dns()).isEqualTo(new SecurityEvent.Dns("4660", "answer", "QUERY", "www.example.com", "A",
                "IN", "NOERROR", List.of("RD", "RA"),
                List.of(new SecurityEvent.DnsAnswer("www.example.com", "A", "IN", "93.184.216.34", 300L)),
                List.of("93.184.216.34")));
        assertThat(answer.fenghuo().flowId()).isEqualTo(query.fenghuo().flowId());
        assertThat(d.protocol("flow")).singleElement().satisfies(f -> assertThat(f.network().protocol()).isEqualTo("dns"));
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void anErrorAnswerIsAFailure() {
        TestCapture cap = new TestCapture();
        cap.udp("10.0.0.53", 53, "10.0.0.1", 40000,
                DnsWire.header(9, 0x8183, 1, 0, 0, 0).name("nope.example").u16(28).u16(1).bytes());
        SecurityEvent e = cap.decode(DNS).protocol("dns").get(0);
        assertThat(e.event().outcome()).isEqualTo("failure");
        assertThat(e.dns().responseCode()).isEqualTo("NXDOMAIN");
        assertThat(e.dns().questionType()).isEqualTo("AAAA");
        assertThat(e.dns().answers()).isNull();
    }

    @Test
    void tcpMessagesSplitAcrossSegmentsAndSeveralInOneSegment() {
        TestCapture cap = new TestCapture();
        byte[] q1 = DnsWire.tcp(DnsWire.query(1, "one.example", 1));
        byte[] q2 = DnsWire.tcp(DnsWire.query(2, "two.example", 1));
        byte[] a1 = DnsWire.tcp(DnsWire.answerA(1, "one.example", "192.0.2.1"));
        byte[] a2 = DnsWire.tcp(DnsWire.answerA(2, "two.example", "192.0.2.2", "192.0.2.3"));
        // 5-byte pieces: recognition needs the prefix and a whole header (14 bytes) within the app
        // layer's first 6 payload chunks; pieces after recognition may be any size (next test)
        cap.tcp("10.0.0.1", 40000, "10.0.0.53", 53).clientInPieces(q1, 5).client(q2)
                .server(concat(a1, a2)).close();
        TestCapture.Decoded d = cap.decode(DNS);
        assertThat(summary(d)).containsExactly("dns-query 1 one.example null", "dns-query 2 two.example null",
                "dns-answer 1 one.example [192.0.2.1]", "dns-answer 2 two.example [192.0.2.2, 192.0.2.3]");
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void tcpMessageSplitInsideTheLengthPrefixAndAcrossSegmentsWithTheNextOne() {
        TestCapture cap = new TestCapture();
        byte[] both = concat(DnsWire.tcp(DnsWire.answerA(1, "one.example", "192.0.2.1")),
                DnsWire.tcp(DnsWire.answerA(2, "two.example", "192.0.2.2")));
        cap.tcp("10.0.0.1", 40000, "10.0.0.53", 53).client(DnsWire.tcp(DnsWire.query(1, "one.example", 1)))
                .serverInPieces(both, 7).close();
        assertThat(summary(cap.decode(DNS))).containsExactly("dns-query 1 one.example null",
                "dns-answer 1 one.example [192.0.2.1]", "dns-answer 2 two.example [192.0.2.2]");
    }

    @Test
    void aMalformedMessageBetweenGoodOnesIsDeadLetteredAndTheRestDecoded() {
        byte[] loop = DnsWire.header(66, 0x0100, 1, 0, 0, 0).u16(0xc00c).u16(1).u16(1).bytes();
        TestCapture cap = new TestCapture();
        cap.udp("10.0.0.1", 40000, "10.0.0.53", 53, DnsWire.query(1, "before.example", 1));
        cap.udp("10.0.0.1", 40000, "10.0.0.53", 53, loop);
        cap.udp("10.0.0.1", 40000, "10.0.0.53", 53, DnsWire.query(2, "after.example", 1));
        cap.tcp("10.0.0.1", 40001, "10.0.0.53", 53).client(concat(DnsWire.tcp(DnsWire.query(3, "tcp1.example", 1)),
                DnsWire.tcp(loop), DnsWire.tcp(DnsWire.query(4, "tcp2.example", 1)))).close();
        TestCapture.Decoded d = cap.decode(DNS);
        assertThat(summary(d)).containsExactly("dns-query 1 before.example null", "dns-query 2 after.example null",
                "dns-query 3 tcp1.example null", "dns-query 4 tcp2.example null");
        assertThat(d.deadLetters()).hasSize(2).allSatisfy(l -> assertThat(l.reason()).startsWith("dns bad name pointer: "));
        assertThat(d.result().app().malformedByReason()).containsEntry("dns: bad name pointer", 2L);
    }

    @Test
    void aTcpStreamEndingInsideAMessageIsReported() {
        TestCapture cap = new TestCapture();
        byte[] q = DnsWire.tcp(DnsWire.query(1, "cut.example", 1));
        cap.tcp("10.0.0.1", 40000, "10.0.0.53", 53).client(java.util.Arrays.copyOf(q, q.length - 3)).close();
        TestCapture.Decoded d = cap.decode(DNS);
        assertThat(d.protocol("dns")).isEmpty();
        assertThat(d.deadLetters()).singleElement().satisfies(l -> assertThat(l.reason()).startsWith("dns truncated message"));
    }

    @Test
    void ipv6AndOtherDnsPorts() {
        TestCapture cap = new TestCapture();
        byte[] aaaa = DnsWire.header(5, 0x8400, 1, 1, 0, 0).name("printer.local").u16(28).u16(1)
                .u16(0xc00c).rr(28, 0x8001, 120, new byte[] {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9})
                .bytes();
        cap.udp("fe80::9", 5353, "ff02::fb", 5353, aaaa);
        cap.udp("10.0.0.1", 50000, "10.0.0.2", 5355, DnsWire.query(6, "host", 1));
        TestCapture.Decoded d = cap.decode(DNS);
        assertThat(summary(d)).containsExactly("dns-answer 5 printer.local [fe80::9]", "dns-query 6 host null");
        assertThat(d.protocol("dns").get(0).dns().headerFlags()).containsExactly("AA");
        assertThat(d.protocol("dns").get(0).dns().answers().get(0).dnsClass()).isEqualTo("CLASS32769");
    }

    @Test
    void otherTrafficOnDnsPortsOrDnsOnOtherPortsIsNotClaimed() {
        TestCapture cap = new TestCapture();
        cap.udp("10.0.0.1", 40000, "10.0.0.53", 53, "hello, this is not dns".getBytes(StandardCharsets.US_ASCII));
        cap.udp("10.0.0.1", 40001, "10.0.0.9", 9999, DnsWire.query(1, "elsewhere.example", 1));
        cap.tcp("10.0.0.1", 40002, "10.0.0.53", 53).client("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                .close();
        TestCapture.Decoded d = cap.decode(DNS);
        assertThat(d.protocol("dns")).isEmpty();
        assertThat(d.deadLetters()).isEmpty();
        assertThat(d.protocol("flow")).hasSize(3).allSatisfy(f -> assertThat(f.network().protocol()).isNull());
    }
}
