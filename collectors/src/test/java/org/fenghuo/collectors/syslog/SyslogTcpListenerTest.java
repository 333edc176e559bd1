package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class SyslogTcpListenerTest {

    private static final long WAIT_MILLIS = 30_000;

    private static SyslogInputConfig config() {
        return SyslogInputConfig.tcp().withAddress("127.0.0.1", 0).withMaxFrameBytes(256);
    }

    private static Socket connect(SyslogTcpListener listener) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), listener.localPort());
    }

    @Test
    void readsOctetCountedAndLfFramedMessagesFromOneConnection() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        String counted = "<13>1 2024-03-27T13:06:56Z host app - - - counted";
        String stream = counted.length() + " " + counted
                + "<34>Oct 11 22:14:15 mymachine su: lf framed\r\n"
                + "\n"
                + "300 <13>" + "y".repeat(296)
                + "<13>Oct 11 22:14:15 host app: after the oversize frame\n";
        try (SyslogTcpListener listener = SyslogTcpListener.start(config(), sink, new SimpleMeterRegistry())) {
            int clientPort;
            try (Socket socket = connect(listener)) {
                clientPort = socket.getLocalPort();
                SenderStreams.writeInPieces(socket.getOutputStream(), stream, 7);
            }
            assertThat(sink.awaitTotal(4, WAIT_MILLIS)).isTrue();
            List<SecurityEvent> events = sink.events();
            assertThat(events).extracting(SecurityEvent::message)
                    .containsExactly("counted", "lf framed", "after the oversize frame");
            assertThat(events).extracting(e -> e.source().port()).containsOnly(clientPort);
            assertThat(events).extracting(e -> e.event().id()).doesNotHaveDuplicates();
            assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.rawLength()).isEqualTo(300);
                assertThat(d.origin()).isEqualTo("tcp://127.0.0.1:" + clientPort);
            });
            assertThat(listener.stats().malformedByKind()).containsOnlyKeys(ErrorKind.FRAME_TOO_LARGE);
        }
    }

    @Test
    void refusesConnectionsBeyondTheLimitAndKeepsServingTheOthers() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        try (SyslogTcpListener listener = SyslogTcpListener.start(config().withMaxConnections(1), sink,
                new SimpleMeterRegistry());
                Socket first = connect(listener)) {
            first.getOutputStream().write("<13>Oct 11 22:14:15 host app: one\n".getBytes(StandardCharsets.UTF_8));
            assertThat(sink.awaitTotal(1, WAIT_MILLIS)).isTrue();
            try (Socket second = connect(listener)) {
                second.setSoTimeout((int) WAIT_MILLIS);
                InputStream in = second.getInputStream();
                assertThat(in.read()).as("the listener closes the extra connection").isEqualTo(-1);
            }
            first.getOutputStream().write("<13>Oct 11 22:14:15 host app: two\n".getBytes(StandardCharsets.UTF_8));
            assertThat(sink.awaitTotal(2, WAIT_MILLIS)).isTrue();
            assertThat(sink.events()).extracting(SecurityEvent::message).containsExactly("one", "two");
        }
    }

    @Test
    void closeEndsOpenConnectionsAndStillReadsTheirLastLineOrDeadLettersACutFrame() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SyslogTcpListener listener = SyslogTcpListener.start(config(), sink, new SimpleMeterRegistry());
        try (Socket lineClient = connect(listener); Socket countedClient = connect(listener)) {
            byte[] line = "<13>Oct 11 22:14:15 host app: no LF yet".getBytes(StandardCharsets.UTF_8);
            byte[] cut = "100 <13>Oct 11 cut".getBytes(StandardCharsets.UTF_8);
            lineClient.getOutputStream().write(line);
            countedClient.getOutputStream().write(cut);
            waitUntil(() -> listener.bytesReceived() == line.length + cut.length);
            listener.close();
            assertThat(sink.awaitTotal(2, WAIT_MILLIS)).isTrue();
        }
        assertThat(sink.events()).extracting(SecurityEvent::message).containsExactly("no LF yet");
        assertThat(sink.deadLetters()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("into a 100-byte octet-counted frame"));
        assertThat(listener.activeConnections()).isZero();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
