package org.fenghuo.collectors.pcap.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.collectors.pcap.live.LiveCaptureException.Kind;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/**
 * Real captures with libpcap. Each test skips, saying why, when libpcap is missing or (where it
 * opens a device) the JVM is neither root nor holds CAP_NET_RAW.
 */
class LiveCaptureTest {
    private static final int DATAGRAMS = 5;
    private static final long WAIT_MILLIS = 20_000;

    private static void assumeLibpcap() {
        assumeThat(LiveTestSupport.libpcapMissing()).as("skipped: %s", LiveTestSupport.libpcapMissing()).isNull();
    }

    private static void assumeMayCapture() {
        assumeLibpcap();
        assumeThat(LiveTestSupport.mayCapture())
                .as("skipped: capturing needs root or CAP_NET_RAW, and this JVM (user %s) has neither",
                        System.getProperty("user.name"))
                .isTrue();
    }

    @Test
    void unknownInterfaceIsNamedWithTheAvailableOnes() {
        assumeLibpcap();
        assertThatThrownBy(() -> LiveCapture.open(LiveCaptureConfig.of("fenghuo-nope0", null)))
                .isInstanceOfSatisfying(LiveCaptureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NO_SUCH_INTERFACE);
                    assertThat(e.getMessage()).startsWith("no such interface: fenghuo-nope0; available: ")
                            .contains("lo");
                });
    }

    @Test
    void badFilterIsNamedWithLibpcapsMessage() {
        assumeMayCapture();
        String filter = "udp and prot 53";
        assertThatThrownBy(() -> LiveCapture.open(LiveCaptureConfig.of("lo", filter)))
                .isInstanceOfSatisfying(LiveCaptureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BAD_FILTER);
                    assertThat(e.getMessage()).startsWith("bad BPF filter \"" + filter + "\": ")
                            .hasSizeGreaterThan(("bad BPF filter \"" + filter + "\": ").length());
                });
    }

    @Test
    void udpOnLoopbackBecomesOneFlowCountingEveryDatagram() throws Exception {
        assumeMayCapture();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = receiver.getLocalPort();
            CollectingEventSink sink = new CollectingEventSink();
            LivePcapDecoder decoder = new LivePcapDecoder(LiveCaptureConfig.of("lo", "udp and port " + port),
                    FlowTableConfig.defaults(), AppProtocols.none(), sink::event, sink);
            decoder.open(); // capturing from here on
            Future<LivePcapDecoder.Result> running = executor.submit(decoder::run);

            byte[] payload = "fenghuo live capture".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < DATAGRAMS; i++) {
                sender.send(new DatagramPacket(payload, payload.length, receiver.getLocalSocketAddress()));
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (decoder.packetsCaptured() < DATAGRAMS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            decoder.stop();
            LivePcapDecoder.Result result = running.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(result.capture().packets()).isEqualTo(DATAGRAMS);
            assertThat(result.capture().linkType()).isEqualTo(1); // Linux loopback is Ethernet-framed
            assertThat(result.capture().received()).isGreaterThanOrEqualTo(DATAGRAMS);
            assertThat(result.decode().decoded()).isEqualTo(DATAGRAMS);
            assertThat(result.deadLetters()).isZero();
            List<SecurityEvent> flows = sink.events().stream()
                    .filter(e -> "pcap.flow".equals(e.event().dataset())).toList();
            assertThat(flows).singleElement().satisfies(flow -> {
                assertThat(flow.event().action()).isNotNull();
                assertThat(flow.network().transport()).isEqualTo("udp");
                assertThat(flow.source().ip()).isEqualTo("127.0.0.1");
                assertThat(flow.source().port()).isEqualTo(sender.getLocalPort());
                assertThat(flow.source().packets()).isEqualTo(DATAGRAMS);
                assertThat(flow.source().bytes()).isEqualTo(DATAGRAMS * (14L + 20 + 8 + payload.length));
                assertThat(flow.destination().ip()).isEqualTo("127.0.0.1");
                assertThat(flow.destination().port()).isEqualTo(port);
                assertThat(flow.destination().packets()).isZero();
            });
            assertThat(result.toStatusLine()).startsWith("live:lo: packets=" + DATAGRAMS).contains("flows=1");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void ticksOnAQuietLinkEndIdleFlowsWhileCapturing() throws Exception {
        assumeMayCapture();
        FlowTableConfig quick = new FlowTableConfig(1000, Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofSeconds(60), Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMinutes(30), Duration.ofMillis(100), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket sender = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CollectingEventSink sink = new CollectingEventSink();
            LivePcapDecoder decoder = new LivePcapDecoder(
                    LiveCaptureConfig.of("lo", "udp and port " + receiver.getLocalPort()).withPromiscuous(false),
                    quick, AppProtocols.none(), sink::event, sink);
            decoder.open();
            Future<LivePcapDecoder.Result> running = executor.submit(decoder::run);
            byte[] payload = {1, 2, 3};
            sender.send(new DatagramPacket(payload, payload.length, receiver.getLocalSocketAddress()));

            // no further packet: only the read-timeout ticks can move the flow clock past the UDP idle timeout
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (sink.events().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<SecurityEvent> beforeStop = sink.events();
            decoder.stop();
            LivePcapDecoder.Result result = running.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(beforeStop).singleElement().satisfies(flow -> {
                assertThat(flow.event().action()).isEqualTo("idle-timeout");
                assertThat(flow.source().packets()).isEqualTo(1);
            });
            assertThat(result.flows().created()).isEqualTo(1);
            assertThat(result.events()).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void stopBeforeAnyPacketEndsTheRunWithNothing() throws Exception {
        assumeMayCapture();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LiveCapture capture = LiveCapture.open(LiveCaptureConfig.of("lo", "udp and port 9 and host 127.0.0.254"))) {
            Future<LiveCaptureStats> running = executor.submit(() -> capture.run(
                    (linkType, nanos, wireLength, data, offset, length) -> { }, TickHandler.NONE));
            capture.stop();
            LiveCaptureStats stats = running.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            assertThat(stats.packets()).isZero();
            assertThat(stats.interfaceName()).isEqualTo("lo");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void interruptEndsTheRun() throws Exception {
        assumeMayCapture();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LiveCapture capture = LiveCapture.open(LiveCaptureConfig.of("lo", "udp and port 9 and host 127.0.0.254"))) {
            CountDownLatch ticked = new CountDownLatch(1);
            Future<LiveCaptureStats> running = executor.submit(() -> capture.run(
                    (linkType, nanos, wireLength, data, offset, length) -> { }, now -> ticked.countDown()));
            assertThat(ticked.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("a tick on the quiet link").isTrue();
            executor.shutdownNow(); // interrupts the capture thread, which is in its loop
            assertThat(executor.awaitTermination(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(running.get().packets()).isZero();
        }
    }
}
