package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.netflow.NetflowTsharkConformanceTest.netflow;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fenghuo.collectors.output.CollectingEventSink;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real exporter: softflowd (Debian) reads a capture this test writes and exports NetFlow v9 or
 * IPFIX to nfcapd (Debian nfdump), which stores the flows and repeats every datagram it received
 * (-R) to our listener on 127.0.0.1. Both collectors thus see the very same datagrams; each flow
 * (5-tuple, packets, bytes) we decode equals one that nfdump prints, and the other way round.
 */
class NetflowSoftflowdTest {
    /** Bounds every wait on the external tools; never a speed assertion. */
    private static final long WAIT_MILLIS = 30_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "softflowd -v {0}")
    @ValueSource(ints = {9, 10})
    void ourFlowsEqualNfdumpsOfTheSameExport(int version) throws Exception {
        for (String tool : List.of("softflowd", "softflowctl", "nfcapd", "nfdump")) {
            assumeTrue(installed(tool), tool + " is not installed (apt-get install softflowd nfdump): skipping");
        }
        Path capture = dir.resolve("flows.pcap");
        Files.write(capture, capture());
        CollectingEventSink sink = new CollectingEventSink();
        NetflowInputConfig config = new NetflowInputConfig("softflowd", "127.0.0.1", 0, NetflowConfig.defaults());
        try (NetflowUdpListener listener = NetflowUdpListener.start(config, sink, new SimpleMeterRegistry())) {
            Path flows = Files.createDirectory(dir.resolve("nfcapd"));
            int nfcapdPort = freeUdpPort();
            Path nfcapdLog = dir.resolve("nfcapd.log");
            Process nfcapd = new ProcessBuilder("nfcapd", "-w", flows.toString(), "-b", "127.0.0.1",
                    "-p", Integer.toString(nfcapdPort), "-R", "127.0.0.1/" + listener.localPort())
                    .redirectErrorStream(true).redirectOutput(nfcapdLog.toFile()).start();
            try {
                waitFor(() -> read(nfcapdLog).contains("Startup"), "nfcapd to start: " + nfcapdLog);
                long datagrams = runSoftflowd(capture, nfcapdPort, version);
                // nfcapd repeats what it receives: once we have every datagram, so has it
                waitFor(() -> listener.stats().received() >= datagrams,
                        datagrams + " datagrams through nfcapd: " + read(nfcapdLog));
            } finally {
                nfcapd.destroy(); // SIGTERM: nfcapd writes its file and exits
                assertThat(nfcapd.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("nfcapd exits").isTrue();
            }
            List<String> theirs = nfdump(flows);
            assertThat(theirs).as("nfdump's flows").hasSizeGreaterThanOrEqualTo(100);
            waitFor(() -> flows(sink).size() >= theirs.size(), "our listener to decode " + theirs.size() + " flows");

            List<String> ours = new ArrayList<>();
            for (SecurityEvent e : flows(sink)) {
                assertThat(netflow(e, "version")).isEqualTo(version);
                ours.add(flow(e));
            }
            // softflowd also exports an options record (its sampling setup), decoded as netflow.options
            assertThat(sink.events()).extracting(e -> e.event().dataset()).contains("netflow.options");
            System.out.println("softflowd -v " + version + ": " + ours.size() + " flows, nfdump " + theirs.size()
                    + "; " + listener.stats().toStatusLine());
            assertThat(ours).containsExactlyInAnyOrderElementsOf(theirs);
            assertThat(listener.stats().malformed()).isZero();
            assertThat(listener.stats().received()).isGreaterThan(1);
            if (version == 9) {
                assertThat(listener.stats().lostFlows()).isZero();
            } else {
                // softflowd 1.1.0 stamps an IPFIX message with the records sent *including* its own
                // (RFC 7011: those sent before it): its first message of 21 records says 20, the next
                // (27 records) 47. Every later step is then right except the jump from the first to the
                // second message, which looks like (27 - 21) lost: not flows, as the equal lists show.
                assertThat(listener.stats().lostFlows()).isBetween(0L, 6L);
            }
        }
    }

    private static List<SecurityEvent> flows(CollectingEventSink sink) {
        return sink.events().stream().filter(e -> "netflow.flow".equals(e.event().dataset())).toList();
    }

    /** TCP conversations and UDP datagrams, IPv4. */
    private static byte[] capture() {
        TestCapture cap = new TestCapture();
        byte[] request = "GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] response = ("HTTP/1.1 200 OK\r\nContent-Length: 300\r\n\r\n" + "x".repeat(300))
                .getBytes(StandardCharsets.US_ASCII);
        cap.tcp("10.1.0.1", 40001, "10.2.0.1", 80).client(request).server(response).close();
        cap.tcp("10.1.0.2", 40002, "10.2.0.2", 443).client(new byte[517]).server(new byte[1200]).server(new byte[900])
                .close();
        cap.tcp("10.1.0.3", 40003, "10.2.0.3", 502).client(new byte[12]).server(new byte[11]).close();
        cap.udp("10.1.0.4", 5353, "10.2.0.53", 53, new byte[40]).udp("10.2.0.53", 53, "10.1.0.4", 5353, new byte[120]);
        // enough flows for several export datagrams, so sequence numbers are checked too
        for (int i = 0; i < 100; i++) {
            cap.udp("10.3.0." + (i % 50 + 1), 20000 + i, "10.4.0.1", 514, new byte[20 + i]);
        }
        return cap.toPcap();
    }

    /** Runs softflowd to its end; returns how many export datagrams it says it sent. */
    private long runSoftflowd(Path capture, int port, int version) throws Exception {
        Path control = dir.resolve("softflowd-" + version + ".ctl");
        Process softflowd = new ProcessBuilder("softflowd", "-d", "-r", capture.toString(), "-n",
                "127.0.0.1:" + port, "-v", Integer.toString(version), "-A", "milli", "-c", control.toString(),
                "-p", dir.resolve("softflowd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("softflowd.log").toFile()).start();
        // in -r mode softflowd exports at EOF, then waits on its control socket: poke it until it exits
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (softflowd.isAlive() && System.currentTimeMillis() < deadline) {
            if (Files.exists(control)) {
                new ProcessBuilder("softflowctl", "-c", control.toString(), "statistics")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor(5, TimeUnit.SECONDS);
            }
            softflowd.waitFor(200, TimeUnit.MILLISECONDS);
        }
        if (softflowd.isAlive()) {
            softflowd.destroyForcibly();
        }
        String log = read(dir.resolve("softflowd.log"));
        java.util.regex.Matcher sent = java.util.regex.Pattern.compile("Flows exported: \\d+ \\(\\d+ records\\) in (\\d+) packets")
                .matcher(log);
        assertThat(sent.find()).as("softflowd's summary: " + log).isTrue();
        return Long.parseLong(sent.group(1));
    }

    /** {@code sa|da|sp|dp|proto|packets|bytes}; ICMP's port is type.code as nfdump prints it. */
    private static String flow(SecurityEvent e) {
        String proto = e.network().ianaNumber();
        String sp;
        String dp;
        if ("1".equals(proto) || "58".equals(proto)) {
            Object code = netflow(e, "destinationTransportPort");
            long v = code == null ? 0 : ((Number) code).longValue();
            sp = "0";
            dp = (v >> 8) + "." + (v & 0xff);
        } else {
            sp = String.valueOf(e.source().port());
            dp = String.valueOf(e.destination().port());
        }
        return String.join("|", e.source().ip(), e.destination().ip(), sp, dp, proto,
                String.valueOf(e.source().packets()), String.valueOf(e.source().bytes()));
    }

    private static List<String> nfdump(Path flows) throws Exception {
        Process p = new ProcessBuilder("nfdump", "-R", flows.toString(), "-q", "-N", "-o",
                "fmt:%sa|%da|%sp|%dp|%pr|%pkt|%byt").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        List<String> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|");
            assertThat(f).as("nfdump line: " + line).hasSize(7);
            String proto = switch (f[4].trim()) {
                case "TCP" -> "6";
                case "UDP" -> "17";
                case "ICMP" -> "1";
                default -> f[4].trim();
            };
            rows.add(String.join("|", f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), proto, f[5].trim(),
                    f[6].trim()));
        }
        return rows;
    }

    private static boolean installed(String tool) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Polls every 50 ms, at most WAIT_MILLIS in all: a generous bound on waiting, not a speed check. */
    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (long polls = WAIT_MILLIS / 50; !condition.getAsBoolean(); polls--) {
            if (polls <= 0) {
                throw new AssertionError("gave up waiting for " + what + " after " + WAIT_MILLIS + " ms");
            }
            Thread.sleep(50);
        }
    }
}
