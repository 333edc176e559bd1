package org.fenghuo.collectors.pcap.app.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;
import static org.fenghuo.collectors.pcap.app.tls.TlsSamples.CLIENT_HELLO_12;
import static org.fenghuo.collectors.pcap.app.tls.TlsSamples.CLIENT_HELLO_GREASE;
import static org.fenghuo.collectors.pcap.app.tls.TlsSamples.SERVER_HELLO_12;
import static org.fenghuo.collectors.pcap.app.tls.TlsSamples.SERVER_HELLO_ALPN;
import static org.fenghuo.collectors.pcap.app.tls.TlsSamples.record;

import java.util.List;
import java.util.Random;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.ExtraFields;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.app.RecordingOutput;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** Whole-chain tests: pcap bytes through the reader, decoder, flow table, app layer and TLS analyzer. */
class TlsGoldenTest {
    private static final String JA3_12 = "871a754af286dfb70c1b53c6887c62e0";
    private static final String JA4_12 = "t12d280700_d943125447b4_3c5a66c06c35";
    private static final String JA3S_12 = "ec74a5c51106f0419184d0dd08fb05bc";
    /** Certificate, ServerHelloDone stand-ins after the ServerHello in the same record, as servers send them. */
    private static final byte[] SERVER_REST = TlsSamples.hex("0b00000600000300000a0e000000");

    private static TestCapture.Decoded decode(TestCapture cap) {
        return cap.decode(AppProtocols.of(new TlsProtocol()));
    }

    private static Object extra(SecurityEvent e, String dotted) {
        return ExtraFields.get(e, dotted);
    }

    @Test
    void aClientHelloInThreeSegmentsAndAServerHelloMakeOneHandshake() {
        TestCapture cap = new TestCapture();
        byte[] hello = record(CLIENT_HELLO_12);
        cap.tcp("10.0.0.1", 50000, "10.0.0.2", 8443).clientInPieces(hello, hello.length / 3 + 1)
                .server(record(concat(SERVER_HELLO_12, SERVER_REST))).server(record(23, new byte[40])).close();
        TestCapture.Decoded d = decode(cap);

        SecurityEvent e = d.protocol("tls").get(0);
        assertThat(d.protocol("tls")).hasSize(1);
        assertThat(e.event().action()).isEqualTo("tls-handshake");
        assertThat(e.tls()).isEqualTo(new SecurityEvent.Tls("1.2", "tls", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                null, "dogfish", JA3_12, JA4_12, JA3S_12));
        assertThat(e.destination().port()).isEqualTo(8443);
        assertThat((List<String>) extra(e, "tls.client.supported_ciphers")).hasSize(28)
                .startsWith("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384").endsWith("TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
        assertThat(extra(e, "fenghuo.tls.server.ja4s")).isEqualTo("t120400_c030_12a20535f9be");
        assertThat(extra(e, "fenghuo.tls.client.alpn")).isNull();
        assertThat(d.protocol("flow").get(0).network().protocol()).isEqualTo("tls");
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void aHelloSpanningTwoRecordsInOddSegmentsIsReassembled() {
        TestCapture cap = new TestCapture();
        byte[] client = TlsSamples.twoRecords(CLIENT_HELLO_GREASE, 3);
        byte[] server = concat(TlsSamples.twoRecords(SERVER_HELLO_ALPN, 60), record(SERVER_REST));
        cap.tcp("10.0.0.1", 50001, "10.0.0.2", 443).clientInPieces(client, 7).serverInPieces(server, 5).close();
        TestCapture.Decoded d = decode(cap);

        assertThat(d.protocol("tls")).singleElement().satisfies(e -> {
            assertThat(e.tls()).isEqualTo(new SecurityEvent.Tls("1.2", "tls", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                    null, "p130-contacts.icloud.com", "773906b0efdefa24a7f2b8eb6985bf37",
                    "t13d2014h2_a09f3c656075_14788d8d241b", "9b340edddb1203ae20167d3089fa10af"));
            assertThat(extra(e, "fenghuo.tls.client.alpn")).isEqualTo(List.of("h2", "http/1.1"));
            assertThat(extra(e, "fenghuo.tls.server.alpn")).isEqualTo(List.of("http/1.1"));
            assertThat((List<String>) extra(e, "tls.client.supported_ciphers")).doesNotContain("GREASE").hasSize(20);
        });
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void aServerHelloWithoutClientHelloIsReportedMidstream() {
        TestCapture cap = new TestCapture();
        cap.tcpMidstream("10.0.0.1", 50002, "10.0.0.2", 443).server(record(concat(SERVER_HELLO_12, SERVER_REST)));
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("tls")).singleElement().satisfies(e -> assertThat(e.tls()).isEqualTo(
                new SecurityEvent.Tls("1.2", "tls", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", null, null, null, null,
                        JA3S_12)));
    }

    @Test
    void aClientHelloWithoutAnswerIsReportedWhenTheFlowEnds() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50003, "10.0.0.2", 443).client(record(CLIENT_HELLO_12)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("tls")).singleElement().satisfies(e -> assertThat(e.tls()).isEqualTo(
                new SecurityEvent.Tls(null, null, null, null, "dogfish", JA3_12, JA4_12, null)));
    }

    @Test
    void malformedExtensionLengthsAreDeadLetteredWithoutACrash() {
        byte[] bad = CLIENT_HELLO_12.clone();
        bad[4 + 2 + 32 + 1 + 2 + 56 + 1 + 1 + 2 + 2] = 0x70; // server_name's length, high byte
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50004, "10.0.0.2", 443).client(record(bad)).server(record(SERVER_HELLO_12)).close();
        TestCapture.Decoded d = decode(cap);

        assertThat(d.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).startsWith("tls bad extension length: client hello"));
        assertThat(d.result().app().malformedByReason()).containsEntry("tls: bad extension length", 1L);
        // the server's side still parses: a handshake without client fingerprints
        assertThat(d.protocol("tls")).singleElement()
                .satisfies(e -> assertThat(e.tls().serverJa3s()).isEqualTo(JA3S_12))
                .satisfies(e -> assertThat(e.tls().clientJa3()).isNull());
    }

    @Test
    void aBrokenRecordLayerStopsItsDirection() {
        TestCapture cap = new TestCapture();
        byte[] notTls = "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        cap.tcp("10.0.0.1", 50005, "10.0.0.2", 443).client(concat(record(CLIENT_HELLO_12), notTls))
                .client(record(CLIENT_HELLO_12)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.deadLetters()).singleElement().satisfies(l -> assertThat(l.reason()).startsWith("tls bad record header"));
        assertThat(d.protocol("tls")).singleElement().satisfies(e -> assertThat(e.tls().clientJa3()).isEqualTo(JA3_12));
    }

    @Test
    void aHelloRetryRequestIsPassedOverForTheServerHelloAfterIt() {
        byte[] retry = SERVER_HELLO_ALPN.clone();
        System.arraycopy(TlsSamples.hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c"), 0, retry, 6, 32);
        byte[] ccs = record(20, new byte[] {1});
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50006, "10.0.0.2", 443).client(record(CLIENT_HELLO_12))
                .server(concat(record(retry), ccs)).client(concat(ccs, record(CLIENT_HELLO_GREASE)))
                .server(record(SERVER_HELLO_12)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("tls")).singleElement().satisfies(e -> {
            assertThat(e.tls().serverJa3s()).isEqualTo(JA3S_12);
            assertThat(e.tls().clientJa3()).isEqualTo(JA3_12);
        });
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void encryptedHandshakeRecordsAfterChangeCipherSpecAreNotParsed() {
        byte[] ccs = record(20, new byte[] {1});
        byte[] finished = TlsSamples.hex("020000280102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627");
        byte[] huge = TlsSamples.hex("01ffffff0000");
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 50007, "10.0.0.2", 443).client(record(CLIENT_HELLO_12))
                .client(concat(record(TlsSamples.hex("100000020000")), ccs, record(finished), record(huge))).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("tls")).singleElement().satisfies(e -> assertThat(e.tls().clientJa3()).isEqualTo(JA3_12));
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void onlyTlsHandshakeStartsAreRecognised() {
        TlsProtocol p = new TlsProtocol();
        byte[] ch = record(CLIENT_HELLO_12);
        assertThat(p.matches(6, 1, 2, Direction.TO_RESPONDER, ch, 0, ch.length)).isTrue();
        assertThat(p.matches(6, 1, 2, Direction.TO_RESPONDER, ch, 0, 5)).isFalse();
        assertThat(p.matches(17, 1, 2, Direction.TO_RESPONDER, ch, 0, ch.length)).isFalse();
        byte[] appData = record(23, new byte[8]);
        assertThat(p.matches(6, 1, 2, Direction.TO_RESPONDER, appData, 0, appData.length)).isFalse();
        byte[] sslv2 = TlsSamples.hex("802b0100020012000000100000");
        assertThat(p.matches(6, 1, 2, Direction.TO_RESPONDER, sslv2, 0, sslv2.length)).isFalse();
        byte[] finished = record(new byte[] {20, 0, 0, 12});
        assertThat(p.matches(6, 1, 2, Direction.TO_RESPONDER, finished, 0, finished.length)).isFalse();
    }

    @Test
    void randomCorruptionNeverThrowsNorLoops() {
        Random random = new Random(7);
        byte[] client = TlsSamples.twoRecords(CLIENT_HELLO_GREASE, 100);
        byte[] server = record(concat(SERVER_HELLO_ALPN, SERVER_REST));
        int events = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] c = client.clone();
            byte[] s = server.clone();
            for (int k = random.nextInt(4); k >= 0; k--) {
                byte[] target = random.nextBoolean() ? c : s;
                target[random.nextInt(target.length)] = (byte) random.nextInt(256);
            }
            RecordingOutput out = RecordingOutput.expecting("tls");
            TlsAnalyzer a = new TlsAnalyzer();
            int piece = 1 + random.nextInt(64);
            for (int i = 0; i < c.length && a.wantsMore(); i += piece) {
                a.data(Direction.TO_RESPONDER, c, i, Math.min(piece, c.length - i), round, out);
            }
            for (int i = 0; i < s.length && a.wantsMore(); i += piece) {
                a.data(Direction.TO_INITIATOR, s, i, Math.min(piece, s.length - i), round, out);
            }
            a.end(round, out);
            assertThat(a.wantsMore()).isFalse();
            assertThat(out.events).hasSizeLessThanOrEqualTo(1);
            events += out.events.size();
        }
        assertThat(events).isPositive();
    }
}
