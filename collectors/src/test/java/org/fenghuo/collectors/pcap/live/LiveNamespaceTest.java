package org.fenghuo.collectors.pcap.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A capture on a real Ethernet device: a veth pair into a network namespace made here, UDP sent
 * from inside the namespace to this side's address. Skipped, saying why, without root, iproute2
 * or the right to create namespaces. Traffic never leaves the pair.
 */
class LiveNamespaceTest {
    private static final Path IP = Path.of("/usr/sbin/ip");
    private static final String HOST_ADDRESS = "169.254.77.1";
    private static final String PEER_ADDRESS = "169.254.77.2";
    private static final int DATAGRAMS = 5;
    private static final long WAIT_MILLIS = 20_000;

    private final String suffix = Long.toString(ProcessHandle.current().pid() % 100_000);
    private final String namespace = "fhlive" + suffix;
    private final String hostSide = "fhl" + suffix + "a";
    private final String peerSide = "fhl" + suffix + "b";
    private boolean created;

    @AfterEach
    void removeNamespace() throws Exception {
        if (created) {
            run("ip", "netns", "del", namespace);
            run("ip", "link", "del", hostSide); // normally gone with the namespace: its peer was destroyed
        }
    }

    @Test
    void udpFromANamespaceIsCapturedOnTheVethAsEthernet() throws Exception {
        assumeThat(LiveTestSupport.libpcapMissing()).as("skipped: %s", LiveTestSupport.libpcapMissing()).isNull();
        assumeThat(LiveTestSupport.isRoot()).as("skipped: creating a network namespace needs root").isTrue();
        assumeThat(Files.isExecutable(IP)).as("skipped: ip is missing (apt-get install iproute2)").isTrue();
        Result add = run("ip", "netns", "add", namespace);
        assumeThat(add.code()).as("skipped: cannot create a network namespace: %s", add.output()).isZero();
        created = true;
        must("ip", "link", "add", hostSide, "type", "veth", "peer", "name", peerSide, "netns", namespace);
        must("ip", "addr", "add", HOST_ADDRESS + "/30", "dev", hostSide);
        must("ip", "link", "set", hostSide, "up");
        must("ip", "netns", "exec", namespace, "ip", "addr", "add", PEER_ADDRESS + "/30", "dev", peerSide);
        must("ip", "netns", "exec", namespace, "ip", "link", "set", peerSide, "up");

        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(HOST_ADDRESS), 0))) {
            int port = receiver.getLocalPort();
            CollectingEventSink sink = new CollectingEventSink();
            LivePcapDecoder decoder = new LivePcapDecoder(LiveCaptureConfig.of(hostSide, "udp and port " + port),
                    FlowTableConfig.defaults(), AppProtocols.none(), sink::event, sink);
            decoder.open();
            Future<LivePcapDecoder.Result> running = executor.submit(decoder::run);
            // one socket inside the namespace, so one source port: bash's /dev/udp
            must("ip", "netns", "exec", namespace, "bash", "-c", "exec 3>/dev/udp/" + HOST_ADDRESS + "/" + port
                    + "; for i in $(seq " + DATAGRAMS + "); do printf fenghuo >&3; done");
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (decoder.packetsCaptured() < DATAGRAMS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            decoder.stop();
            LivePcapDecoder.Result result = running.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(result.capture().linkType()).isEqualTo(1);
            assertThat(result.capture().packets()).isEqualTo(DATAGRAMS);
            List<SecurityEvent> flows = sink.events().stream()
                    .filter(e -> "pcap.flow".equals(e.event().dataset())).toList();
            assertThat(flows).singleElement().satisfies(flow -> {
                assertThat(flow.source().ip()).isEqualTo(PEER_ADDRESS);
                assertThat(flow.source().packets()).isEqualTo(DATAGRAMS);
                assertThat(flow.destination().ip()).isEqualTo(HOST_ADDRESS);
                assertThat(flow.destination().port()).isEqualTo(port);
                assertThat(flow.destination().packets()).isZero();
            });
        } finally {
            executor.shutdownNow();
        }
    }

    private record Result(int code, String output) {
    }

    private static void must(String... command) throws IOException, InterruptedException {
        Result r = run(command);
        assertThat(r.code()).as("%s: %s", String.join(" ", command), r.output()).isZero();
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        if (line.get(0).equals("ip")) {
            line.set(0, IP.toString());
        }
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
