package org.fenghuo.collectors.pcap.app.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.app.RecordingOutput;
import org.junit.jupiter.api.Test;

class DnsProtocolTest {
    private static final DnsProtocol DNS = DnsProtocol.INSTANCE;

    @Test
    void matchesDnsPortsWithAPlausibleHeaderOnly() {
        byte[] q = DnsWire.query(1, "example.com", 1);
        byte[] framed = DnsWire.tcp(q);
        assertThat(DNS.matches(17, 40000, 53, Direction.TO_RESPONDER, q, 0, q.length)).isTrue();
        assertThat(DNS.matches(17, 53, 40000, Direction.TO_INITIATOR, q, 0, q.length)).isTrue();
        assertThat(DNS.matches(17, 5353, 5353, Direction.TO_RESPONDER, q, 0, q.length)).isTrue();
        assertThat(DNS.matches(17, 40000, 5355, Direction.TO_RESPONDER, q, 0, q.length)).isTrue();
        assertThat(DNS.matches(17, 40000, 54, Direction.TO_RESPONDER, q, 0, q.length)).isFalse();
        assertThat(DNS.matches(6, 40000, 53, Direction.TO_RESPONDER, framed, 0, framed.length)).isTrue();
        // TCP without its length prefix, or with only the prefix so far, is not (yet) DNS
        assertThat(DNS.matches(6, 40000, 53, Direction.TO_RESPONDER, q, 0, q.length)).isFalse();
        assertThat(DNS.matches(6, 40000, 53, Direction.TO_RESPONDER, framed, 0, 2)).isFalse();
        assertThat(DNS.matches(1, 40000, 53, Direction.TO_RESPONDER, q, 0, q.length)).isFalse();
        assertThat(DNS.matches(17, 40000, 53, Direction.TO_RESPONDER, q, 0, 0)).isFalse();
        assertThat(DNS.name()).isEqualTo("dns");
    }

    @Test
    void theAnalyzerFollowsTheTransportOfTheFlowItWasMadeFor() {
        byte[] q = DnsWire.query(1, "example.com", 1);
        byte[] framed = DnsWire.tcp(q);
        RecordingOutput tcp = RecordingOutput.expecting("dns");
        DNS.newAnalyzer(6).data(Direction.TO_RESPONDER, framed, 0, framed.length, 1, tcp);
        RecordingOutput udp = RecordingOutput.expecting("dns");
        DNS.newAnalyzer(17).data(Direction.TO_RESPONDER, q, 0, q.length, 1, udp);
        assertThat(tcp.events).hasSize(1);
        assertThat(udp.events).hasSize(1);
        assertThat(tcp.malformed).isEmpty();
        assertThat(udp.malformed).isEmpty();
    }

    @Test
    void randomBytesNeverThrowAndEveryUdpDatagramGivesAnEventOrAMalformedReport() {
        Random random = new Random(53);
        AppAnalyzer udp = DNS.newAnalyzer(17);
        AppAnalyzer tcp = DNS.newAnalyzer(6);
        RecordingOutput udpOut = RecordingOutput.expecting("dns");
        RecordingOutput tcpOut = RecordingOutput.expecting("dns");
        int datagrams = 5000;
        for (int i = 0; i < datagrams; i++) {
            byte[] b = new byte[random.nextInt(600)];
            random.nextBytes(b);
            udp.data(Direction.TO_RESPONDER, b, 0, b.length, i, udpOut);
            tcp.data(Direction.values()[i % 2], b, 0, b.length, i, tcpOut);
            if (i % 97 == 0) {
                tcp.gap(Direction.TO_INITIATOR, random.nextInt(100_000), i, tcpOut);
            }
        }
        tcp.end(datagrams, tcpOut);
        assertThat(udpOut.events.size() + udpOut.malformed.size()).isEqualTo(datagrams);
        assertThat(udp.wantsMore()).isTrue();
    }
}
