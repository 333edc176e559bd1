package org.fenghuo.detection.anomaly.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.anomaly.Events.completed;
import static org.fenghuo.detection.anomaly.Events.refused;
import static org.fenghuo.detection.anomaly.Events.tcpFlow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.SyntheticTraffic.KeyDriver;
import org.fenghuo.detection.anomaly.support.DetectorMetrics;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class PortScanDetectorTest {
    private static final PortScanConfig CONFIG = PortScanConfig.defaults();
    private static final String SCANNER = "10.0.0.66";
    private static final String VICTIM = "10.0.0.9";

    /** {@code n} refused ports of one host, one every {@code stepMillis}. */
    private static List<SecurityEvent> verticalProbes(int n, long startMillis, long stepMillis) {
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(refused("v" + startMillis + "-" + i, startMillis + i * stepMillis, SCANNER, VICTIM, 1000 + i));
        }
        return events;
    }

    @Test
    void verticalScanFiresExactlyAtTheThresholdWithRuleAndEvidence() {
        List<Alert> alerts = DetectorRunner.run(PortScanDetector.vertical(CONFIG), verticalProbes(20, 0, 100));
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.port_scan.vertical");
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T1046");
        assertThat(a.eventIds()).hasSize(20).startsWith("v0-0");
        assertThat(a.entities().sourceIps()).containsExactly(SCANNER);
        assertThat(a.entities().destinationIps()).containsExactly(VICTIM);
        assertThat(a.message()).contains("probed 20 ports of 10.0.0.9", "1000, 1001");
        assertThat(a.timestamp()).isEqualTo(verticalProbes(20, 0, 100).get(19).timestamp());
    }

    @Test
    void quietOneBelowTheThresholdAndWhenTheSameRefusalsAreSpreadBeyondTheWindow() {
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), verticalProbes(19, 0, 100))).isEmpty();
        // 20 ports, one every 3.2 s: the first leaves the 60 s window (t <= now - 60 s) as the 20th arrives
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), verticalProbes(20, 0, 3_158))).isEmpty();
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), verticalProbes(20, 0, 3_157))).hasSize(1);
    }

    @Test
    void windowEdgeAProbeExactlyOneWindowOldNoLongerCounts() {
        List<SecurityEvent> events = new ArrayList<>(verticalProbes(19, 0, 0)); // 19 ports at t=0
        events.add(refused("late", 60_000, SCANNER, VICTIM, 5000)); // t = 60 s: the 19 are out
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), events)).isEmpty();
        events.set(19, refused("late", 59_999, SCANNER, VICTIM, 5000));
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), events)).hasSize(1);
    }

    @Test
    void completedConnectionsAreNormalTrafficUnlessConfiguredToCount() {
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(completed("c" + i, i * 100L, SCANNER, VICTIM, 2000 + i));
        }
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), events)).isEmpty();
        PortScanConfig counting = PortScanConfig.fromYaml("count_completed: true", "t").orThrow();
        assertThat(DetectorRunner.run(PortScanDetector.vertical(counting), events)).hasSize(1);
    }

    @Test
    void synScanHalfOpenAndConnectScanAbortsAreProbesButAShortRealExchangeIsNot() {
        // SYN-ACK answered with RST only (nmap -sS on an open port): ts S|R, tc S|A
        SecurityEvent halfOpen = tcpFlow("h", 0, SCANNER, VICTIM, 22, "06", "12", 2);
        // handshake then RST after 3 packets (nmap -sT on an open port)
        SecurityEvent connectAbort = tcpFlow("c", 0, SCANNER, VICTIM, 22, "16", "12", 3);
        // unanswered SYN (filtered)
        SecurityEvent silent = tcpFlow("s", 0, SCANNER, VICTIM, 22, "02", "00", 2);
        // a client that sent data and then reset: 6 packets
        SecurityEvent realReset = tcpFlow("r", 0, SCANNER, VICTIM, 22, "1e", "1a", 6);
        assertThat(ConnectionOutcome.of(halfOpen, "pcap.flow")).isEqualTo(ConnectionOutcome.PROBE);
        assertThat(ConnectionOutcome.of(connectAbort, "pcap.flow")).isEqualTo(ConnectionOutcome.PROBE);
        assertThat(ConnectionOutcome.of(silent, "pcap.flow")).isEqualTo(ConnectionOutcome.PROBE);
        assertThat(ConnectionOutcome.of(realReset, "pcap.flow")).isEqualTo(ConnectionOutcome.COMPLETED);
        assertThat(ConnectionOutcome.of(refused("x", 0, SCANNER, VICTIM, 1), "pcap.flow"))
                .isEqualTo(ConnectionOutcome.PROBE);
    }

    @Test
    void netflowCountsOnlyTheInitiatorsSynWithoutAckAndNotTheVictimsReplies() {
        SecurityEvent syn = netflow(SCANNER, VICTIM, 80, 0x02);
        SecurityEvent reply = netflow(VICTIM, SCANNER, 40000, 0x14);
        SecurityEvent normal = netflow(SCANNER, VICTIM, 80, 0x1b);
        assertThat(ConnectionOutcome.of(syn, "netflow.flow")).isEqualTo(ConnectionOutcome.PROBE);
        assertThat(ConnectionOutcome.of(reply, "netflow.flow")).isEqualTo(ConnectionOutcome.NOT_A_CONNECTION);
        assertThat(ConnectionOutcome.of(normal, "netflow.flow")).isEqualTo(ConnectionOutcome.NOT_A_CONNECTION);
    }

    @Test
    void horizontalScanFiresForOnePortOnManyHostsAndNotForManyPortsOfOneHost() {
        List<SecurityEvent> sweep = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            sweep.add(refused("h" + i, i * 50L, SCANNER, "10.1.0." + i, 445));
        }
        List<Alert> alerts = DetectorRunner.run(PortScanDetector.horizontal(CONFIG), sweep);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).ruleId()).isEqualTo("fenghuo.anomaly.port_scan.horizontal");
        assertThat(alerts.get(0).message()).contains("probed port 445 on 20 hosts");
        assertThat(alerts.get(0).entities().destinationIps()).hasSize(20).contains("10.1.0.1", "10.1.0.20");
        assertThat(alerts.get(0).techniques()).extracting(t -> t.id()).containsExactly("T1046", "T1595.001");
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), sweep)).isEmpty();
        assertThat(DetectorRunner.run(PortScanDetector.horizontal(CONFIG), verticalProbes(100, 0, 10))).isEmpty();
    }

    @Test
    void oneAlertPerSourcePerWindowThenAgainWhileTheScanGoesOn() {
        // 1,000 ports at 10 per second: 100 s, so 2 windows of 60 s
        List<Alert> alerts = DetectorRunner.run(PortScanDetector.vertical(CONFIG), verticalProbes(1_000, 0, 100));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).timestamp().toEpochMilli() - alerts.get(0).timestamp().toEpochMilli())
                .isGreaterThanOrEqualTo(60_000);
        // another scanner is judged on its own
        List<SecurityEvent> two = new ArrayList<>(verticalProbes(20, 0, 10));
        for (int i = 0; i < 20; i++) {
            two.add(refused("o" + i, 300 + i, "10.0.0.77", VICTIM, 3000 + i));
        }
        assertThat(DetectorRunner.run(PortScanDetector.vertical(CONFIG), two))
                .extracting(a -> a.entities().sourceIps().get(0)).containsExactly(SCANNER, "10.0.0.77");
    }

    @Test
    void stateIsBoundedWhateverTheScanSize() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PortScanDetector detector = new PortScanDetector(PortScanDetector.Kind.VERTICAL, CONFIG,
                DetectorMetrics.of(registry, "vertical"));
        KeyDriver<ScanState> context = new KeyDriver<>(detector, SCANNER);
        ScanState state = context.state;
        // 300 hosts x 400 ports within 30 s: 120,000 probes, host after host
        int n = 0;
        for (int host = 0; host < 300; host++) {
            for (int port = 0; port < 400; port++) {
                context.accept(refused("b" + n, n / 4, SCANNER, "10.2." + (host / 250) + "." + (host % 250),
                        port + 1));
                n++;
            }
        }
        assertThat(state.groupsHeld()).isEqualTo(CONFIG.maxGroups());
        assertThat(state.targetsHeld()).isLessThanOrEqualTo(CONFIG.maxGroups() * CONFIG.maxTargets());
        assertThat(state.groupsDropped).isEqualTo(300 - 64);
        assertThat(state.groups.values()).allSatisfy(g -> assertThat(g.notKept).isEqualTo(400 - 256));
        assertThat(context.timers).hasSize(1); // one timer per key, however many probes
        assertThat(context.alerts).hasSize(1); // one per source per window, not one per host
        // what the caps dropped is counted
        assertThat(registry.counter("fenghuo.anomaly.state_overflow", "detector", "vertical", "what", "targets").count())
                .isEqualTo(300 * (400 - 256));
        assertThat(registry.counter("fenghuo.anomaly.state_overflow", "detector", "vertical", "what", "groups").count())
                .isEqualTo(300 - 64);
        assertThat(registry.counter("fenghuo.anomaly.alerts", "detector", "vertical").count()).isEqualTo(1);
        assertThat(registry.counter("fenghuo.anomaly.suppressed", "detector", "vertical").count()).isPositive();
        // interleaved over more hosts than max_groups, the vertical groups churn (that scan is horizontal)
        KeyDriver<ScanState> interleaved = new KeyDriver<>(detector, SCANNER);
        ScanState churn = interleaved.state;
        for (int i = 0; i < 1_000; i++) {
            interleaved.accept(refused("i" + i, i, SCANNER, "10.3.0." + (i % 100), 1 + i / 100));
        }
        assertThat(churn.groupsHeld()).isEqualTo(64);
        assertThat(churn.groupsDropped).isEqualTo(1_000 - 64);
    }

    @Test
    void keysExpireByTimerAndNormalTrafficLeavesNoState() {
        List<Alert> alerts = new ArrayList<>();
        DetectorRunner<ScanState> runner = new DetectorRunner<>(PortScanDetector.vertical(CONFIG), 0, alerts::add);
        verticalProbes(25, 0, 100).forEach(runner::accept);
        assertThat(runner.keys()).isEqualTo(1);
        assertThat(runner.pendingTimers()).isEqualTo(1);
        for (int i = 0; i < 50; i++) {
            runner.accept(completed("n" + i, 10_000 + i, "10.0.0." + (100 + i), VICTIM, 443));
        }
        assertThat(runner.keys()).isEqualTo(1); // completed connections get no key, so no state
        assertThat(runner.unkeyed()).isEqualTo(50);
        // another source's probe moves the watermark past the scanner's last probe (2.4 s) + 60 s
        runner.accept(refused("other", 62_399, "10.0.0.5", VICTIM, 443));
        assertThat(runner.keys()).isEqualTo(2);
        runner.accept(refused("other2", 62_400, "10.0.0.5", VICTIM, 444));
        assertThat(runner.keys()).isEqualTo(1);
        runner.finish();
        assertThat(runner.keys()).isZero();
        assertThat(runner.pendingTimers()).isZero();
        assertThat(alerts).hasSize(1);
    }

    private static SecurityEvent netflow(String src, String dst, int dport, int flags) {
        return SecurityEvent.builder().timestamp(org.fenghuo.detection.anomaly.Events.T0)
                .event(new SecurityEvent.EventInfo("nf", "event", List.of("network"), List.of("connection"), null,
                        null, "netflow", "netflow.flow", null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(src, 40000, null, null, null, null, null))
                .destination(new SecurityEvent.Endpoint(dst, dport, null, null, null, null, null))
                .network(new SecurityEvent.Network("tcp", "ipv4", null, null, null, null, "6", null, null, null))
                .extraField("fenghuo.netflow.tcpControlBits", flags)
                .build();
    }
}
