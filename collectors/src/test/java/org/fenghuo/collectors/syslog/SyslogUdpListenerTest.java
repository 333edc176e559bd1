package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class SyslogUdpListenerTest {

    /** Bounds waiting for datagrams on loopback; never a speed assertion. */
    private static final long WAIT_MILLIS = 30_000;

    private static SyslogInputConfig config() {
        return SyslogInputConfig.udp().withAddress("127.0.0.1", 0).withMaxFrameBytes(256);
    }

    private static void send(DatagramSocket socket, int port, byte[] payload) throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
    }

    @Test
    void turnsEachDatagramIntoOneEventOrDeadLetter() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        try (SyslogUdpListener listener = SyslogUdpListener.start(config(), sink, new SimpleMeterRegistry());
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertThat(listener.localPort()).isPositive();
            byte[] same = "<13>1 2024-03-27T13:06:56Z host app - - - same bytes twice\n".getBytes(StandardCharsets.UTF_8);
            send(client, listener.localPort(), same);
            send(client, listener.localPort(), same);
            send(client, listener.localPort(), "<34>Oct 11 22:14:15 mymachine su: 'su root' failed".getBytes(StandardCharsets.UTF_8));
            send(client, listener.localPort(), "<999>bad".getBytes(StandardCharsets.UTF_8));
            send(client, listener.localPort(), "x".repeat(300).getBytes(StandardCharsets.UTF_8));
            send(client, listener.localPort(), "\n".getBytes(StandardCharsets.UTF_8));
            assertThat(sink.awaitTotal(5, WAIT_MILLIS)).as("5 datagrams arrive").isTrue();
            waitForReceived(listener, 6);

            List<SecurityEvent> events = sink.events();
            assertThat(events).hasSize(3);
            assertThat(events).extracting(e -> e.source().ip()).containsOnly("127.0.0.1");
            assertThat(events).extracting(e -> e.source().port()).containsOnly(client.getLocalPort());
            assertThat(events).extracting(e -> e.fenghuo().input()).containsOnly("syslog-udp");
            assertThat(events).extracting(e -> e.log().filePath()).containsOnly((String) null);
            assertThat(events.get(0).event().original()).isEqualTo("<13>1 2024-03-27T13:06:56Z host app - - - same bytes twice");
            assertThat(events.get(0).event().id()).as("identical datagrams are distinct events")
                    .isNotEqualTo(events.get(1).event().id());
            assertThat(sink.deadLetters()).hasSize(2);
            assertThat(sink.deadLetters().get(0).origin()).isEqualTo("udp://127.0.0.1:" + client.getLocalPort());
            assertThat(sink.deadLetters().get(1).rawLength()).isEqualTo(300);
            assertThat(Base64.getDecoder().decode(sink.deadLetters().get(1).rawBase64())).hasSize(256);

            CollectorStats stats = listener.stats();
            assertThat(stats.received()).isEqualTo(6);
            assertThat(stats.parsed()).isEqualTo(3);
            assertThat(stats.empty()).isEqualTo(1);
            assertThat(stats.malformedByKind()).containsEntry(ErrorKind.INVALID_PRI, 1L)
                    .containsEntry(ErrorKind.FRAME_TOO_LARGE, 1L);
        }
    }

    @Test
    void closeReleasesThePort() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        int port;
        try (SyslogUdpListener listener = SyslogUdpListener.start(config(), sink, new SimpleMeterRegistry())) {
            port = listener.localPort();
        }
        try (SyslogUdpListener again = SyslogUdpListener.start(config().withAddress("127.0.0.1", port), sink,
                new SimpleMeterRegistry())) {
            assertThat(again.localPort()).isEqualTo(port);
        }
    }

    /** The empty datagram only shows in the counters, so wait for them rather than for the sink. */
    static void waitForReceived(SyslogUdpListener listener, long received) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (listener.stats().received() < received && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
