package org.fenghuo.detection.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.app.StandardProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.detection.anomaly.beacon.BeaconConfig;
import org.fenghuo.detection.anomaly.beacon.BeaconDetector;
import org.fenghuo.detection.anomaly.dns.DnsTunnelConfig;
import org.fenghuo.detection.anomaly.dns.DnsTunnelDetector;
import org.fenghuo.detection.anomaly.volume.Direction;
import org.fenghuo.detection.anomaly.volume.VolumeBaselineDetector;
import org.fenghuo.detection.anomaly.volume.VolumeConfig;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The three detectors over real third-party data (skipped without shared/data): every capture
 * decoded by the collectors' pcap decoder, and a real desktop's connection log (loghub Proxifier).
 * None of it is tunnelling or beaconing malware (no iodine/dnscat capture is in the shared data),
 * so those detectors must stay quiet; volume alerts are counted and printed.
 */
class AnomalyRealDataTest {

    private record Counts(int files, long flows, long dnsQueries, Map<String, Integer> alertsByRule) {
    }

    @Test
    void quietOnEveryCaptureInSharedData() throws IOException {
        Path captures = SharedData.require("captures");
        List<Path> files = SharedData.files(captures, ".pcap", ".pcapng", ".cap");
        VolumeConfig volume = VolumeConfig.fromYaml("private_only: false\nwarmup_buckets: 3", "test").orThrow();
        long flows = 0;
        long queries = 0;
        Map<String, Integer> alerts = new TreeMap<>();
        Map<Integer, Integer> reaching = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Path file : files) {
            List<SecurityEvent> events = decode(file);
            flows += events.stream().filter(e -> isDataset(e, "pcap.flow")).count();
            queries += events.stream().filter(e -> e.dns() != null && "query".equals(e.dns().type())).count();
            List<SecurityEvent> timed = SyntheticTraffic.byTime(events.stream().filter(e -> e.timestamp() != null).toList());
            List<Alert> found = new ArrayList<>();
            found.addAll(DetectorRunner.run(new BeaconDetector(BeaconConfig.defaults()), timed));
            found.addAll(DetectorRunner.run(new DnsTunnelDetector(DnsTunnelConfig.defaults()), timed));
            found.addAll(DetectorRunner.run(new VolumeBaselineDetector(Direction.EGRESS, volume), timed));
            found.addAll(DetectorRunner.run(new VolumeBaselineDetector(Direction.INGRESS, volume), timed));
            // how close real DNS comes to the threshold: key-windows that reach 1, 2, 3 points
            for (int min = 1; min <= 3; min++) {
                DnsTunnelConfig lower = DnsTunnelConfig.fromYaml("min_queries: 1\nmin_score: " + min, "test").orThrow();
                for (Alert a : DetectorRunner.run(new DnsTunnelDetector(lower), timed)) {
                    reaching.merge(min, 1, Integer::sum);
                    if (min > 1) {
                        examples.add(captures.relativize(file) + ": " + a.message());
                    }
                }
            }
            for (Alert a : found) {
                alerts.merge(a.ruleId(), 1, Integer::sum);
                examples.add(captures.relativize(file) + ": " + a.message());
            }
        }
        Counts counts = new Counts(files.size(), flows, queries, alerts);
        System.out.println("anomaly detectors over shared captures: " + counts
                + ", DNS key-windows reaching a score of (score=count) " + reaching);
        examples.stream().limit(20).forEach(m -> System.out.println("  " + m));

        assertThat(files).hasSizeGreaterThan(500);
        assertThat(flows).as("flows decoded").isGreaterThan(1_500);
        assertThat(queries).as("DNS queries decoded").isGreaterThan(200);
        assertThat(alerts).doesNotContainKeys(BeaconDetector.ID, DnsTunnelDetector.ID);
        assertThat(reaching).as("real DNS scores some points").containsKey(1);
        assertThat(reaching).as("no real DNS comes within one point of min_score 4").doesNotContainKey(3);
    }

    private static boolean isDataset(SecurityEvent e, String dataset) {
        return e.event() != null && dataset.equals(e.event().dataset());
    }

    private static List<SecurityEvent> decode(Path file) throws IOException {
        List<SecurityEvent> events = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            new PcapFileDecoder(FlowTableConfig.defaults(), StandardProtocols.all(), events::add, d -> { })
                    .decode(file, in);
        }
        return events;
    }

    /** {@code [10.30 16:49:07] chrome.exe - host:port close, 403 bytes sent, 426 bytes received, lifetime <1 sec}. */
    private static final Pattern CLOSE = Pattern.compile("^\\[(\\d\\d)\\.(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)\\] (.+?) - "
            + "(\\S+):(\\d+) close, (\\d+) bytes.*? sent, (\\d+) bytes.*? received, lifetime (.+)$");

    /**
     * A desktop's real connections through Proxifier (2,000 lines, 950 closed connections, browsing,
     * WeChat, Dropbox, Sogou updates): as flows from one host to each proxied name and port.
     */
    @Test
    void noBeaconInARealDesktopsConnectionLog() throws IOException {
        Path dir = SharedData.require("logs/loghub/Proxifier");
        List<String> lines = Files.readAllLines(dir.resolve("Proxifier_2k.log"), StandardCharsets.UTF_8);
        List<SecurityEvent> flows = new ArrayList<>();
        int year = 2016;
        int lastMonth = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CLOSE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int month = Integer.parseInt(m.group(1));
            if (month < lastMonth) {
                year++; // the log runs from October into the next July
            }
            lastMonth = month;
            long end = LocalDateTime.of(year, month, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))).toInstant(ZoneOffset.UTC).toEpochMilli();
            long start = end - lifetimeMillis(m.group(11));
            flows.add(SyntheticTraffic.flow("proxifier:" + (i + 1), start, end, "192.0.2.10", m.group(7),
                    Integer.parseInt(m.group(8)), Long.parseLong(m.group(9)), Long.parseLong(m.group(10))));
        }
        assertThat(flows).hasSizeGreaterThan(900);
        List<SecurityEvent> timed = SyntheticTraffic.byTime(flows);
        List<Alert> beacons = DetectorRunner.run(new BeaconDetector(BeaconConfig.defaults()), timed);
        List<Alert> volume = DetectorRunner.run(new VolumeBaselineDetector(Direction.EGRESS,
                VolumeConfig.fromYaml("private_only: false\nwarmup_buckets: 12", "test").orThrow()), timed);
        System.out.println("Proxifier: " + flows.size() + " connections, beaconing alerts " + beacons.size()
                + ", egress volume alerts " + volume.size());
        volume.forEach(a -> System.out.println("  " + a.message()));
        assertThat(beacons).extracting(Alert::message).isEmpty();

        // the same real traffic with an implant added: every 5 min ± 10 % for 2 h from the first connection
        List<SecurityEvent> infected = new ArrayList<>(flows);
        java.util.Random r = new java.util.Random(20261124);
        long t = timed.get(0).event().start().toEpochMilli();
        for (int i = 0; i < 24; i++) {
            infected.add(SyntheticTraffic.flow("implant:" + i, t, t + 300, "192.0.2.10", "c2.example.net", 443,
                    310L + r.nextInt(5), 1_200L + r.nextInt(5)));
            t += (long) (300_000 * (0.9 + 0.2 * r.nextDouble()));
        }
        assertThat(DetectorRunner.run(new BeaconDetector(BeaconConfig.defaults()), SyntheticTraffic.byTime(infected)))
                .singleElement().satisfies(a -> assertThat(a.message()).startsWith("192.0.2.10 -> c2.example.net:443: "));
    }

    /** {@code <1 sec}, {@code mm:ss} or {@code hh:mm:ss}. */
    private static long lifetimeMillis(String text) {
        if (text.startsWith("<")) {
            return 0;
        }
        long seconds = 0;
        for (String part : text.trim().split(":")) {
            seconds = seconds * 60 + Long.parseLong(part.trim());
        }
        return seconds * 1_000;
    }
}
