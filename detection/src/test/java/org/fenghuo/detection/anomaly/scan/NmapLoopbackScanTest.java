package org.fenghuo.detection.anomaly.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nmap scan of loopback, captured by tcpdump, decoded by the collectors' pcap decoder,
 * judged by the detectors. Needs Debian's {@code nmap} and {@code tcpdump} and the right to
 * capture (root or CAP_NET_RAW); skipped with the reason otherwise.
 */
class NmapLoopbackScanTest {
    /** Bounds every wait on the external tools; never a speed assertion. */
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    void connectAndSynScansOfLoopbackFireTheVerticalScanOnly() throws Exception {
        assumeTrue(installed("nmap"), "nmap is not installed (apt-get install nmap): skipping");
        assumeTrue(installed("tcpdump"), "tcpdump is not installed (apt-get install tcpdump): skipping");
        Path pcap = dir.resolve("scan.pcap");
        Path log = dir.resolve("tcpdump.log");
        // an open port too, so the scan meets SYN-ACKs and not only refusals
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int openPort = open.getLocalPort();
            // -Z: stay the current user, who can write the temporary folder (tcpdump drops to "tcpdump")
            Process tcpdump = new ProcessBuilder("tcpdump", "-i", "lo", "-n", "-U", "-Z", System.getProperty("user.name"),
                    "-w", pcap.toString(),
                    "tcp and host 127.0.0.1").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
                while (!Files.readString(log).contains("listening on") && tcpdump.isAlive()
                        && System.nanoTime() < start) {
                    Thread.sleep(50);
                }
                assumeTrue(tcpdump.isAlive() && Files.readString(log).contains("listening on"),
                        "tcpdump cannot capture on lo (needs root or CAP_NET_RAW): " + Files.readString(log));
                String ports = "1-40," + openPort;
                run("nmap", "-n", "-Pn", "-sT", "--max-retries", "0", "-p", ports, "127.0.0.1");
                boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream()
                        .readAllBytes()).trim());
                if (root) {
                    run("nmap", "-n", "-Pn", "-sS", "--max-retries", "0", "-p", "41-80," + openPort, "127.0.0.1");
                }
                // tcpdump drops what it has not read yet when stopped: wait until the file stops growing
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
                long size = -1;
                int stable = 0;
                while (stable < 5 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    long now = Files.size(pcap);
                    stable = now == size && now > 24 ? stable + 1 : 0;
                    size = now;
                }
            } finally {
                tcpdump.destroy(); // SIGTERM: tcpdump flushes and exits
                assertThat(tcpdump.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as("tcpdump exits").isTrue();
            }
        }

        List<SecurityEvent> flows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(pcap)) {
            PcapFileDecoder.Result r = new PcapFileDecoder(FlowTableConfig.defaults(), flows::add, d -> { })
                    .decode(pcap, in);
            assertThat(r.flows().created()).as(r.toStatusLine() + "; tcpdump: " + Files.readString(log)).isGreaterThanOrEqualTo(40);
        }
        assertThat(flows).allSatisfy(f -> assertThat(f.event().dataset()).isEqualTo("pcap.flow"));
        // every probe the scanner sent is a probe for the classifier (refused, half-open or torn down at once)
        long scanFlows = flows.stream().filter(f -> f.destination().port() != null && f.destination().port() <= 80)
                .count();
        long probes = flows.stream().filter(f -> f.destination().port() != null && f.destination().port() <= 80)
                .filter(f -> ConnectionOutcome.of(f, "pcap.flow") == ConnectionOutcome.PROBE).count();
        assertThat(probes).isEqualTo(scanFlows).isGreaterThanOrEqualTo(40);

        List<Alert> vertical = DetectorRunner.run(PortScanDetector.vertical(PortScanConfig.defaults()), flows);
        assertThat(vertical).hasSize(1); // once per source per window, though both scans pass 20 ports
        Alert a = vertical.get(0);
        assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.port_scan.vertical");
        assertThat(a.entities().sourceIps()).containsExactly("127.0.0.1");
        assertThat(a.entities().destinationIps()).containsExactly("127.0.0.1");
        assertThat(a.message()).contains("probed 20 ports of 127.0.0.1");
        assertThat(a.eventIds()).hasSize(20);
        assertThat(DetectorRunner.run(PortScanDetector.horizontal(PortScanConfig.defaults()), flows)).isEmpty();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)).as(String.join(" ", command) + " ends").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + new String(out)).isZero();
    }

    private static boolean installed(String tool) {
        for (String d : List.of("/usr/bin/", "/usr/sbin/", "/bin/", "/sbin/", "/usr/local/bin/")) {
            if (Files.isExecutable(Path.of(d + tool))) {
                return true;
            }
        }
        return false;
    }
}
