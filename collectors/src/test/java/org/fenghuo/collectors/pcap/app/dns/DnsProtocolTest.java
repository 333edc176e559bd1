package org.fenghuo.collectors.pcap.app.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;
import org.junit.jupiter.api.Test;

class DnsProtocolTest {
    private static final DnsProtocol DNS = DnsProtocol.INSTANCE;

    /** Records what an analyzer reports. */
    private static final class Recorder implements AppOutput {
        final List<AppEvent> events = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public void event(AppEvent event) {
            events.add(event);
        }

        @Override
        public void malformed(String protocol, String reason, String detail, long ts, byte[] data, int off, int len) {
            assertThat(protocol).isEqualTo("dns");
            malformed.add(reason);
        }
    }

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
        Recorder tcp = new Recorder();
        DNS.newAnalyzer(6).data(Direction.TO_RESPONDER, framed, 0, framed.length, 1, tcp);
        Recorder udp = new Recorder();
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
        Recorder udpOut = new Recorder();
        Recorder tcpOut = new Recorder();
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
