package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.syslog.SyslogTlsListenerTest.WAIT_MILLIS;
import static org.fenghuo.collectors.syslog.SyslogTlsListenerTest.readUntilClosed;
import static org.fenghuo.collectors.syslog.SyslogTlsListenerTest.waitUntil;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.syslog.tls.TestPki;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile and broken senders on the syslog ports: each case ends with a good message that must
 * still arrive, and every frame read must be accounted for (parsed, empty or malformed). Never a
 * crash, never unbounded memory.
 */
class SyslogStreamBadInputTest {

    private static final String GOOD = "<13>Oct 11 22:14:15 host app: still alive\n";
    private static final int MAX_FRAME = 64 * 1024;

    static TestPki pki;

    @BeforeAll
    static void makePki() throws Exception {
        pki = TestPki.shared();
    }

    /** The two stream transports, opened the same way by the tests below. */
    enum Transport {
        TCP, TLS;

        Listener start(SyslogInputConfig config, CollectingEventSink sink) throws IOException {
            if (this == TCP) {
                SyslogTcpListener tcp = SyslogTcpListener.start(config.withName("bad-tcp"), sink,
                        new SimpleMeterRegistry());
                return new Listener(tcp, tcp.localPort(), tcp::stats, tcp::connectionStats, tcp::activeConnections);
            }
            SyslogTlsListener tls = SyslogTlsListener.start(config.withName("bad-tls"),
                    SyslogTlsConfig.of(pki.serverChain(), pki.serverKey()), sink, new SimpleMeterRegistry());
            return new Listener(tls, tls.localPort(), tls::stats, tls::connectionStats, tls::activeConnections);
        }

        Socket connect(int port) throws Exception {
            Socket socket = this == TCP ? new Socket(InetAddress.getLoopbackAddress(), port)
                    : SyslogTlsListenerTest.connect(pki.clientContext(false), port);
            socket.setSoTimeout((int) WAIT_MILLIS);
            return socket;
        }
    }

    record Listener(AutoCloseable closer, int port, java.util.function.Supplier<CollectorStats> stats,
            java.util.function.Supplier<ConnectionStats> connections, java.util.function.IntSupplier active)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closer.close();
        }
    }

    private static SyslogInputConfig config() {
        return SyslogInputConfig.tcp().withAddress("127.0.0.1", 0).withMaxFrameBytes(MAX_FRAME);
    }

    /** Waits for the counters to catch up with the sink (they are bumped after the sink call). */
    private static void assertAccountedFor(java.util.function.Supplier<CollectorStats> current,
            CollectingEventSink sink) throws InterruptedException {
        waitUntil(() -> current.get().deadLettered() == sink.deadLetters().size()
                && current.get().parsed() == sink.events().size());
        CollectorStats stats = current.get();
        assertThat(stats.parsed() + stats.empty() + stats.malformed()).as("every frame read is accounted for")
                .isEqualTo(stats.received());
        assertThat(stats.deadLettered()).isEqualTo(stats.malformed()).isEqualTo(sink.deadLetters().size());
        assertThat(stats.parsed()).isEqualTo(sink.events().size());
    }

    private static List<String> messages(CollectingEventSink sink) {
        return sink.events().stream().map(SecurityEvent::message).toList();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void binaryGarbageIsDeadLetteredAndTheConnectionGoesOn(Transport transport) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        byte[] garbage = new byte[256 * 1024];
        new Random(7).nextBytes(garbage);
        try (Listener listener = transport.start(config(), sink);
                Socket socket = transport.connect(listener.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(garbage);
            out.write(("\n" + GOOD).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            waitUntil(() -> messages(sink).contains("still alive") && listener.active().getAsInt() == 0);
            assertThat(messages(sink)).contains("still alive");
            assertThat(sink.deadLetters()).isNotEmpty();
            assertAccountedFor(listener.stats(), sink);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aTenMegabyteLineIsOneFrameTooLargeAndTheNextLineArrives(Transport transport) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        int tenMb = 10 * 1024 * 1024;
        try (Listener listener = transport.start(config(), sink);
                Socket socket = transport.connect(listener.port())) {
            OutputStream out = socket.getOutputStream();
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            out.write("<13>Oct 11 22:14:15 host app: ".getBytes(StandardCharsets.US_ASCII));
            for (int sent = 30; sent < tenMb; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, tenMb - sent));
            }
            out.write(("\n" + GOOD).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(sink.awaitTotal(2, WAIT_MILLIS)).isTrue();
            assertThat(messages(sink)).containsExactly("still alive");
            assertThat(sink.deadLetters()).singleElement().satisfies(d -> assertThat(d.rawLength()).isEqualTo(tenMb));
            assertThat(listener.stats().get().malformedByKind()).containsEntry(ErrorKind.FRAME_TOO_LARGE, 1L);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void invalidUtf8IsDeadLetteredWithItsReason(Transport transport) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        byte[] bad = "<13>Oct 11 22:14:15 host app: caf\u00c3(\n".getBytes(StandardCharsets.ISO_8859_1);
        try (Listener listener = transport.start(config(), sink);
                Socket socket = transport.connect(listener.port())) {
            socket.getOutputStream().write(bad);
            socket.getOutputStream().write(GOOD.getBytes(StandardCharsets.US_ASCII));
            assertThat(sink.awaitTotal(2, WAIT_MILLIS)).isTrue();
            assertThat(messages(sink)).containsExactly("still alive");
            assertThat(listener.stats().get().malformedByKind()).containsOnlyKeys(ErrorKind.INVALID_UTF8);
            assertThat(sink.deadLetters().get(0).reason()).containsIgnoringCase("utf-8");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void lyingOctetCounts(Transport transport) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        try (Listener listener = transport.start(config(), sink)) {
            try (Socket socket = transport.connect(listener.port())) {
                // a count far beyond any frame, then one with too many digits to be a count
                socket.getOutputStream().write(("9999999999 <13>x\n" + "99999999999 <13>y\n" + GOOD)
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(sink.awaitTotal(3, WAIT_MILLIS)).isTrue();
                // a count longer than what follows: the stream ends inside the frame
                socket.getOutputStream().write("5000 <13>Oct 11 22:14:15 host app: short".getBytes(
                        StandardCharsets.US_ASCII));
            }
            assertThat(sink.awaitTotal(4, WAIT_MILLIS)).isTrue();
            assertThat(messages(sink)).containsExactly("still alive");
            assertThat(listener.stats().get().malformedByKind()).containsEntry(ErrorKind.FRAME_TOO_LARGE, 1L)
                    .containsEntry(ErrorKind.TRUNCATED_FRAME, 1L).hasSize(3);
            assertAccountedFor(listener.stats(), sink);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aClientThatNeverSendsIsClosedAndItsSlotFreed(Transport transport) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SyslogInputConfig oneSlot = config().withMaxConnections(1)
                .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60));
        try (Listener listener = transport.start(oneSlot, sink)) {
            try (Socket silent = transport.connect(listener.port())) {
                assertThat(readUntilClosed(silent.getInputStream())).as("the listener hangs up").isTrue();
            }
            waitUntil(() -> listener.active().getAsInt() == 0);
            try (Socket next = transport.connect(listener.port())) {
                next.getOutputStream().write(GOOD.getBytes(StandardCharsets.US_ASCII));
                assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            }
            assertThat(listener.connections().get().idleTimeout()).isEqualTo(1);
            assertThat(messages(sink)).containsExactly("still alive");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aSlowlorisIsClosedAtTheFrameDeadlineAndWhatItSentIsStillRead(Transport transport) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SyslogInputConfig strict = config().withTimeouts(Duration.ofSeconds(60), Duration.ofMillis(500));
        try (Listener listener = transport.start(strict, sink);
                Socket slow = transport.connect(listener.port())) {
            OutputStream out = slow.getOutputStream();
            out.write("<13>Oct 11 22:14:15 host app: dribbled".getBytes(StandardCharsets.US_ASCII));
            boolean closedByServer = false;
            // then one more byte every 50 ms, never an LF, until the listener hangs up (bounded by WAIT_MILLIS)
            long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
            while (!closedByServer && System.nanoTime() < deadline) {
                try {
                    out.write('.');
                    out.flush();
                } catch (IOException e) {
                    closedByServer = true;
                }
                closedByServer |= listener.connections().get().frameTimeout() > 0;
                Thread.sleep(50);
            }
            assertThat(closedByServer).isTrue();
            assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            waitUntil(() -> listener.active().getAsInt() == 0);
            assertThat(listener.connections().get().frameTimeout()).isEqualTo(1);
            assertThat(listener.active().getAsInt()).isZero();
            assertThat(sink.events()).singleElement()
                    .satisfies(e -> assertThat(e.message()).startsWith("dribbled."));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void connectionsBeyondTheLimitAreRefusedAndCountedNotHung(Transport transport) throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        int limit = 4;
        int excess = 20;
        try (Listener listener = transport.start(config().withMaxConnections(limit), sink)) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < limit; i++) {
                    held.add(transport.connect(listener.port()));
                }
                waitUntil(() -> listener.active().getAsInt() == limit);
                for (int i = 0; i < excess; i++) {
                    // plain sockets even for TLS: the refusal comes before any handshake
                    try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                        extra.setSoTimeout((int) WAIT_MILLIS);
                        assertThat(readUntilClosed(extra.getInputStream())).as("refused, not left hanging").isTrue();
                    }
                }
                waitUntil(() -> listener.connections().get().refused() == excess);
                assertThat(listener.connections().get().refused()).isEqualTo(excess);
                for (Socket socket : held) {
                    socket.getOutputStream().write(GOOD.getBytes(StandardCharsets.US_ASCII));
                }
                assertThat(sink.awaitTotal(limit, WAIT_MILLIS)).isTrue();
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
            waitUntil(() -> listener.active().getAsInt() == 0);
            try (Socket after = transport.connect(listener.port())) {
                after.getOutputStream().write(GOOD.getBytes(StandardCharsets.US_ASCII));
                assertThat(sink.awaitTotal(limit + 1, WAIT_MILLIS)).isTrue();
            }
            assertThat(listener.connections().get().accepted()).isEqualTo(limit + 1);
        }
    }

    @Test
    void udpGarbageOversizeAndInvalidUtf8AreDeadLetteredAndTheNextDatagramArrives() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        try (SyslogUdpListener listener = SyslogUdpListener.start(SyslogInputConfig.udp().withAddress("127.0.0.1", 0)
                .withMaxFrameBytes(1024), sink, new SimpleMeterRegistry());
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Random random = new Random(11);
            List<byte[]> datagrams = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] garbage = new byte[1 + random.nextInt(1000)];
                random.nextBytes(garbage);
                garbage[0] = (byte) 0xff;
                datagrams.add(garbage);
            }
            datagrams.add(new byte[65_507]);
            datagrams.add("<13>Oct 11 22:14:15 host app: caf\u00c3(".getBytes(StandardCharsets.ISO_8859_1));
            datagrams.add(GOOD.getBytes(StandardCharsets.US_ASCII));
            for (byte[] d : datagrams) {
                client.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), listener.localPort()));
            }
            assertThat(sink.awaitTotal(datagrams.size(), WAIT_MILLIS)).isTrue();
            assertThat(messages(sink)).containsExactly("still alive");
            assertAccountedFor(listener::stats, sink);
            assertThat(listener.stats().malformedByKind()).containsEntry(ErrorKind.FRAME_TOO_LARGE, 1L)
                    .containsEntry(ErrorKind.INVALID_UTF8, 21L);
        }
    }
}
