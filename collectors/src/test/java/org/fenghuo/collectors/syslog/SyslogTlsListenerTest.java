package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.syslog.SyslogTlsConfig.ClientAuth;
import org.fenghuo.collectors.syslog.tls.PemFiles;
import org.fenghuo.collectors.syslog.tls.TestPki;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogTlsListenerTest {

    /** Bounds waiting on loopback; never a speed assertion. */
    static final long WAIT_MILLIS = 30_000;
    private static final String LINE = "<13>Oct 11 22:14:15 host app: ";

    static TestPki pki;

    @BeforeAll
    static void makePki() throws Exception {
        pki = TestPki.shared();
    }

    static SyslogInputConfig input() {
        return SyslogInputConfig.tls().withAddress("127.0.0.1", 0).withMaxFrameBytes(256);
    }

    static SyslogTlsConfig tls() {
        return SyslogTlsConfig.of(pki.serverChain(), pki.serverKey());
    }

    static SSLSocket connect(SSLContext context, int port, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        socket.setSoTimeout((int) WAIT_MILLIS);
        socket.startHandshake();
        return socket;
    }

    @Test
    void readsOctetCountedAndLfFramesOverTlsAndStampsTheSession() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        String counted = "<13>1 2024-03-27T13:06:56Z host app - - - counted";
        String stream = counted.length() + " " + counted + LINE + "lf framed\n" + "300 <13>" + "y".repeat(296)
                + LINE + "after the oversize frame\n";
        try (SyslogTlsListener listener = SyslogTlsListener.start(input(), tls(), sink, new SimpleMeterRegistry())) {
            int clientPort;
            try (SSLSocket socket = connect(pki.clientContext(false), listener.localPort())) {
                clientPort = socket.getLocalPort();
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
                SenderStreams.writeInPieces(socket.getOutputStream(), stream, 11);
            }
            assertThat(sink.awaitTotal(4, WAIT_MILLIS)).isTrue();
            List<SecurityEvent> events = sink.events();
            assertThat(events).extracting(SecurityEvent::message)
                    .containsExactly("counted", "lf framed", "after the oversize frame");
            assertThat(events).extracting(e -> e.source().port()).containsOnly(clientPort);
            assertThat(tlsFields(events.get(0))).containsEntry("version", "1.3")
                    .containsEntry("version_protocol", "tls").containsEntry("established", true)
                    .containsKey("cipher").doesNotContainKey("client");
            assertThat(EcsJsonCodec.toJson(events.get(0))).contains("\"fenghuo\":{\"input\":\"syslog-tls\"")
                    .contains("\"tls\":{\"version\":\"1.3\"");
            assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.rawLength()).isEqualTo(300);
                assertThat(d.origin()).isEqualTo("tls://127.0.0.1:" + clientPort);
            });
            assertThat(listener.connectionStats().accepted()).isEqualTo(1);
        }
    }

    @Test
    void clientAuthNeedPutsTheSenderCertificateOnEveryEventAndRefusesSendersWithout() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SyslogTlsConfig needing = tls().withClientAuth(ClientAuth.NEED, pki.caPem());
        try (SyslogTlsListener listener = SyslogTlsListener.start(input(), needing, sink, new SimpleMeterRegistry())) {
            for (SSLContext refused : List.of(pki.clientContext(false), pki.rogueClientContext())) {
                assertThat(rejected(refused, listener.localPort())).as("no or untrusted certificate").isTrue();
            }
            try (SSLSocket socket = connect(pki.clientContext(true), listener.localPort())) {
                socket.getOutputStream().write((LINE + "with a certificate\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            waitUntil(() -> listener.connectionStats().tlsHandshakeFailed() == 2);
            Map<String, Object> fields = tlsFields(sink.events().get(0));
            @SuppressWarnings("unchecked")
            Map<String, Object> client = (Map<String, Object>) fields.get("client");
            byte[] der = PemFiles.certificates(pki.clientChain()).get(0).getEncoded();
            assertThat(client).containsEntry("subject", TestPki.CLIENT_SUBJECT)
                    .containsEntry("issuer", TestPki.CA_SUBJECT)
                    .containsEntry("hash", Map.of("sha256",
                            HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der))));
            assertThat(listener.connectionStats().tlsHandshakeFailed()).isEqualTo(2);
            assertThat(sink.events()).hasSize(1);
        }
    }

    @Test
    void clientAuthWantServesSendersWithoutACertificate() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SyslogTlsConfig wanting = tls().withClientAuth(ClientAuth.WANT, pki.caPem());
        try (SyslogTlsListener listener = SyslogTlsListener.start(input(), wanting, sink, new SimpleMeterRegistry());
                SSLSocket socket = connect(pki.clientContext(false), listener.localPort())) {
            socket.getOutputStream().write((LINE + "anonymous\n").getBytes(StandardCharsets.UTF_8));
            assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            assertThat(tlsFields(sink.events().get(0))).doesNotContainKey("client");
        }
    }

    @Test
    void aProtocolTheServerDoesNotOfferFailsTheHandshakeAndIsCounted() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SyslogTlsConfig only13 = tls().withProtocols(List.of("TLSv1.3"));
        try (SyslogTlsListener listener = SyslogTlsListener.start(input(), only13, sink, new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> connect(pki.clientContext(false), listener.localPort(), "TLSv1.2").close())
                    .isInstanceOf(SSLException.class);
            try (SSLSocket socket = connect(pki.clientContext(false), listener.localPort(), "TLSv1.2", "TLSv1.3")) {
                socket.getOutputStream().write((LINE + "still served\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            waitUntil(() -> listener.connectionStats().tlsHandshakeFailed() == 1);
            assertThat(listener.connectionStats().tlsHandshakeFailed()).isEqualTo(1);
        }
    }

    @Test
    void plainSyslogOnTheTlsPortIsDeadLetteredAndCounted() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        try (SyslogTlsListener listener = SyslogTlsListener.start(input(), tls(), sink, new SimpleMeterRegistry())) {
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.localPort())) {
                plain.getOutputStream().write((LINE + "in clear text\n").getBytes(StandardCharsets.UTF_8));
                plain.setSoTimeout((int) WAIT_MILLIS);
                assertThat(readUntilClosed(plain.getInputStream())).as("the listener hangs up").isTrue();
            }
            assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            assertThat(sink.events()).isEmpty();
            assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.reason()).startsWith("not a TLS handshake (first byte 0x3c)");
                assertThat(d.origin()).startsWith("tls://127.0.0.1:");
            });
            assertThat(listener.connectionStats().notTls()).isEqualTo(1);
            assertThat(listener.stats().deadLettered()).isEqualTo(1);
        }
    }

    @Test
    void aSilentClientIsClosedAtTheHandshakeDeadline() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SyslogTlsConfig quick = tls().withHandshakeTimeout(Duration.ofMillis(200));
        try (SyslogTlsListener listener = SyslogTlsListener.start(input().withMaxConnections(1), quick, sink,
                new SimpleMeterRegistry())) {
            try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), listener.localPort())) {
                silent.setSoTimeout((int) WAIT_MILLIS);
                assertThat(readUntilClosed(silent.getInputStream())).isTrue();
            }
            waitUntil(() -> listener.activeConnections() == 0);
            // the only slot is free again
            try (SSLSocket socket = connect(pki.clientContext(false), listener.localPort())) {
                socket.getOutputStream().write((LINE + "after the silent one\n").getBytes(StandardCharsets.UTF_8));
            }
            assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            assertThat(listener.connectionStats().tlsHandshakeTimeout()).isEqualTo(1);
        }
    }

    @Test
    void badSettingsAreReportedTogetherEachWithItsKey() throws Exception {
        Path missing = pki.dir().resolve("missing.pem");
        SyslogTlsConfig wrongKey = SyslogTlsConfig.of(pki.serverChain(), pki.clientKey());
        assertThatThrownBy(() -> SyslogTlsListener.start(input(), wrongKey, new CollectingEventSink(),
                new SimpleMeterRegistry()))
                .hasMessageContaining("key: " + pki.clientKey() + " is not the key of the first certificate");
        SyslogTlsConfig bad = new SyslogTlsConfig(missing, pki.caPem(), ClientAuth.NEED, pki.serverKey(), null,
                List.of("TLS_NOT_A_SUITE"), null);
        assertThatThrownBy(() -> SyslogTlsListener.start(input(), bad, new CollectingEventSink(),
                new SimpleMeterRegistry()))
                .hasMessageContaining("input syslog-tls")
                .hasMessageContaining("certificate: " + missing + ": cannot be read")
                .hasMessageContaining("key: " + pki.caPem() + ": holds no '-----BEGIN PRIVATE KEY-----' block")
                .hasMessageContaining("client_ca: " + pki.serverKey() + ": holds no '-----BEGIN CERTIFICATE-----'");
        assertThatThrownBy(() -> new SyslogTlsConfig(null, null, ClientAuth.WANT, null, List.of("TLSv1"), null,
                Duration.ZERO))
                .hasMessageContaining("certificate: missing").hasMessageContaining("key: missing")
                .hasMessageContaining("client_ca: missing; client_auth want")
                .hasMessageContaining("protocols: 'TLSv1' is not one of")
                .hasMessageContaining("handshake_timeout: PT0S must be a positive duration");
        assertThat(ClientAuth.parse(" Need ")).isEqualTo(ClientAuth.NEED);
        assertThat(ClientAuth.parse("optional")).isNull();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tlsFields(SecurityEvent event) {
        Map<String, Object> fenghuo = (Map<String, Object>) event.extra().get("fenghuo");
        return (Map<String, Object>) ((Map<String, Object>) fenghuo.get("syslog")).get("tls");
    }

    private static boolean rejected(SSLContext context, int port) {
        try (SSLSocket socket = connect(context, port)) {
            // TLS 1.3: the client's handshake ends before the server has checked its certificate
            socket.getOutputStream().write((LINE + "must not arrive\n").getBytes(StandardCharsets.UTF_8));
            return socket.getInputStream().read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    /** True once the peer closed (EOF or reset); everything it sent before is discarded. */
    static boolean readUntilClosed(InputStream in) {
        try {
            while (in.read() >= 0) {
                // skip
            }
            return true;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException);
        }
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
