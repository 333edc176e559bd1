package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.fenghuo.collectors.netflow.Exports.Bytes;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class NetflowUdpListenerTest {
    /** Bounds waiting for datagrams on loopback; never a speed assertion. */
    private static final long WAIT_MILLIS = 30_000;

    private static void send(DatagramSocket socket, int port, byte[] payload) throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
    }

    @Test
    void decodesExportsFromALoopbackExporterAndCountsTheRest() throws Exception {
        CollectingEventSink sink = new CollectingEventSink();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        NetflowInputConfig config = new NetflowInputConfig("netflow-udp", "127.0.0.1", 0, NetflowConfig.defaults());
        try (NetflowUdpListener listener = NetflowUdpListener.start(config, sink, registry);
                DatagramSocket exporter = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Bytes records = Exports.v9FlowRecord(new Bytes(), 1, 1500, 3);
            Exports.v9FlowRecord(records, 2, 40, 1);
            // data first: held until the template, which comes in the next datagram
            send(exporter, listener.localPort(), Exports.v9(1, 7, 10_000, Exports.set(256, records)));
            send(exporter, listener.localPort(), Exports.v9(2, 7, 10_000, Exports.set(0, Exports.v9FlowTemplate(256))));
            send(exporter, listener.localPort(), "not netflow".getBytes());
            assertThat(sink.awaitTotal(3, WAIT_MILLIS)).as("2 flows and 1 dead letter arrive").isTrue();

            assertThat(sink.events()).hasSize(2);
            SecurityEvent e = sink.events().get(0);
            assertThat(e.observer().ip()).containsExactly("127.0.0.1");
            assertThat(e.fenghuo().input()).isEqualTo("netflow-udp");
            assertThat(e.source().ip()).isEqualTo("10.0.0.1");
            assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.origin()).isEqualTo("udp://127.0.0.1:" + exporter.getLocalPort());
                assertThat(d.reason()).startsWith("unsupported_version: ");
            });
            NetflowStats stats = listener.stats();
            assertThat(stats.received()).isEqualTo(3);
            assertThat(stats.records()).isEqualTo(2);
            assertThat(stats.malformed(NetflowErrorKind.UNSUPPORTED_VERSION)).isEqualTo(1);
            assertThat(registry.get("fenghuo.netflow.malformed").tag("input", "netflow-udp")
                    .tag("reason", "unsupported_version").counter().count()).isEqualTo(1.0);
            assertThat(registry.get("fenghuo.netflow.records").counter().count()).isEqualTo(2.0);
        }
    }

    @Test
    void defaultsToPort2055AndRejectsABadPort() {
        assertThat(NetflowInputConfig.defaults().port()).isEqualTo(2055);
        assertThat(NetflowInputConfig.IPFIX_PORT).isEqualTo(4739);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new NetflowInputConfig("n", "0.0.0.0", 70000, NetflowConfig.defaults()))
                .hasMessageContaining("port is 70000");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> NetflowConfig.defaults().withPendingLimits(0, -1, 1, 1))
                .hasMessageContaining("max_pending_per_exporter is 0")
                .hasMessageContaining("max_pending_bytes_per_exporter is -1");
    }
}
