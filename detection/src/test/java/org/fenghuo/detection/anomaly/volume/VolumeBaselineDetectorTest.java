package org.fenghuo.detection.anomaly.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.anomaly.SyntheticTraffic.byTime;
import static org.fenghuo.detection.anomaly.SyntheticTraffic.flow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.SyntheticTraffic.KeyDriver;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class VolumeBaselineDetectorTest {
    private static final long MIN = 60_000;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;
    private static final long MIB = 1 << 20;
    /** A UTC midnight, so 5-minute buckets line up with the test's hours. */
    private static final long T0 = Math.floorDiv(1_790_000_000_000L, DAY) * DAY;
    private static final String HOST = "10.1.1.10";
    private static final String DROP = "203.0.113.66";

    private static VolumeBaselineDetector egress(String yaml) {
        return new VolumeBaselineDetector(Direction.EGRESS, VolumeConfig.fromYaml(yaml, "test").orThrow());
    }

    /**
     * One upload a minute whose size follows the day: about 0.5 MiB at 03:00, 3 MiB at 15:00, with
     * ±25 % noise: a bucket ranges from about 2.5 to 15 MiB.
     */
    private static List<SecurityEvent> office(Random r, String host, long fromMillis, long untilMillis) {
        List<SecurityEvent> out = new ArrayList<>();
        for (long t = fromMillis; t < untilMillis; t += MIN) {
            double hour = (t % DAY) / (double) HOUR;
            double level = 1.75 + 1.25 * Math.sin(2 * Math.PI * (hour - 9) / 24);
            long bytes = (long) (level * MIB * (0.75 + 0.5 * r.nextDouble()));
            String peer = "198.51.100." + (1 + r.nextInt(20));
            out.add(flow(host + "@" + t, t - 2_000, t + r.nextInt(50_000), host, peer, 443, bytes, bytes / 10));
        }
        return out;
    }

    private static SecurityEvent upload(String id, long at, String host, String peer, long bytes) {
        return flow(id, at - 1_000, at, host, peer, 443, bytes, 10_000L);
    }

    @Test
    void firesOnAnEgressSpikeAfterAStableWeek() {
        Random r = new Random(20261124);
        List<SecurityEvent> events = new ArrayList<>(office(r, HOST, T0, T0 + 8 * DAY));
        events.addAll(office(r, "10.1.1.11", T0, T0 + 8 * DAY));
        long spikeAt = T0 + 7 * DAY + 14 * HOUR + 2 * MIN; // inside the bucket 14:00-14:05 of day 8
        events.add(upload("exfil", spikeAt, HOST, DROP, 600 * MIB));

        List<Alert> alerts = DetectorRunner.run(egress(""), byTime(events));

        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.volume.egress");
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.category()).isEqualTo(IncidentCategory.ABNORMAL_BEHAVIOUR);
        assertThat(a.tactics()).containsExactly(AttackTactic.EXFILTRATION);
        assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T1048");
        assertThat(a.timestamp().toEpochMilli()).isEqualTo(T0 + 7 * DAY + 14 * HOUR + 5 * MIN);
        assertThat(a.entities().sourceIps()).containsExactly(HOST);
        assertThat(a.entities().destinationIps()).first().isEqualTo(DROP);
        assertThat(a.eventIds()).first().isEqualTo("exfil"); // the largest flow first
        assertThat(a.message()).startsWith("10.1.1.10 sent 6");
    }

    @Test
    void quietOnTwoWeeksOfDailyVariation() {
        Random r = new Random(21);
        List<SecurityEvent> events = new ArrayList<>();
        for (int h = 10; h < 15; h++) {
            events.addAll(office(r, "10.1.1." + h, T0, T0 + 14 * DAY));
        }
        long night = events.stream().filter(e -> e.source().ip().equals("10.1.1.10"))
                .filter(e -> e.timestamp().toEpochMilli() % DAY / HOUR == 3).mapToLong(e -> e.source().bytes()).sum();
        long afternoon = events.stream().filter(e -> e.source().ip().equals("10.1.1.10"))
                .filter(e -> e.timestamp().toEpochMilli() % DAY / HOUR == 15).mapToLong(e -> e.source().bytes()).sum();
        assertThat(afternoon).as("the days do vary").isGreaterThan(4 * night);

        assertThat(DetectorRunner.run(egress(""), byTime(events))).isEmpty();
    }

    @Test
    void judgesOnlyAfterTheWarmUp() {
        Random r = new Random(22);
        List<SecurityEvent> events = new ArrayList<>(office(r, HOST, T0, T0 + DAY));
        events.add(upload("early", T0 + 12 * HOUR + MIN, HOST, DROP, 600 * MIB)); // bucket 144 of 288
        assertThat(DetectorRunner.run(egress(""), byTime(events))).isEmpty();
        assertThat(DetectorRunner.run(egress("warmup_buckets: 100"), byTime(events))).hasSize(1);
    }

    /** A steady 1 MiB per bucket, then one bucket of 1 MiB + {@code extra}. */
    private static List<SecurityEvent> steadyThen(long extra) {
        List<SecurityEvent> events = new ArrayList<>();
        for (long t = T0; t < T0 + DAY + HOUR; t += 5 * MIN) {
            events.add(upload("s" + t, t + MIN, HOST, "198.51.100.1", MIB));
        }
        events.add(upload("x", T0 + DAY + 30 * MIN + 2 * MIN, HOST, DROP, extra));
        return byTime(events);
    }

    @Test
    void minBucketBytesIsTheBoundary() {
        assertThat(DetectorRunner.run(egress("min_bucket_bytes: 10MiB"), steadyThen(9 * MIB - 1))).isEmpty();
        assertThat(DetectorRunner.run(egress("min_bucket_bytes: 10MiB"), steadyThen(9 * MIB))).hasSize(1);
        assertThat(DetectorRunner.run(egress("min_bucket_bytes: 0\nmin_ratio: 4"), steadyThen(3 * MIB - 1))).isEmpty();
        assertThat(DetectorRunner.run(egress("min_bucket_bytes: 0\nmin_ratio: 4"), steadyThen(3 * MIB))).hasSize(1);
    }

    @Test
    void aLongTransferIsOneAlertPerSuppressionPeriod() {
        List<SecurityEvent> events = new ArrayList<>(steadyThen(0));
        for (int b = 0; b < 6; b++) { // 30 minutes of 200 MiB per bucket
            events.add(upload("long" + b, T0 + DAY + 40 * MIN + b * 5 * MIN, HOST, DROP, 200 * MIB));
        }
        events.add(upload("later", T0 + DAY + 3 * HOUR + MIN, HOST, DROP, 200 * MIB));
        List<Alert> alerts = DetectorRunner.run(egress(""), byTime(events));
        assertThat(alerts).extracting(Alert::eventIds).extracting(ids -> ids.get(0)).containsExactly("long0", "later");
    }

    @Test
    void ingressIsKeyedByTheDestinationAndEgressIgnoresPublicSources() {
        List<SecurityEvent> events = new ArrayList<>();
        String server = "10.2.2.2";
        Random r = new Random(23);
        for (long t = T0; t < T0 + 2 * DAY; t += MIN) {
            events.add(flow("in" + t, t, t + 500, "198.51.100." + r.nextInt(50), server, 443, 200_000L, 5_000_000L));
        }
        for (int i = 0; i < 500; i++) { // a flood from many addresses in one bucket
            long t = T0 + 2 * DAY + 10 * MIN + i * 100;
            events.add(flow("flood" + i, t, t + 50, "192.0.2." + (i % 250), server, 80, 1_000_000L, 0L));
        }
        List<Alert> in = DetectorRunner.run(new VolumeBaselineDetector(Direction.INGRESS, VolumeConfig.defaults()),
                byTime(events));
        assertThat(in).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.volume.ingress");
            assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T1498");
            assertThat(a.entities().destinationIps()).containsExactly(server);
            assertThat(a.entities().sourceIps()).hasSize(10).allMatch(ip -> ip.startsWith("192.0.2."));
        });
        assertThat(DetectorRunner.run(egress(""), byTime(events))).isEmpty();
    }

    @Test
    void keysOnlyFlowsWithBytesOfPrivateHostsUnlessToldOtherwise() {
        SecurityEvent publicHost = upload("p", T0, "198.51.100.9", DROP, 1L);
        assertThat(egress("").key(publicHost)).isNull();
        assertThat(egress("private_only: false").key(publicHost)).isEqualTo("198.51.100.9");
        assertThat(egress("").key(upload("c", T0, "172.20.1.1", DROP, 1L))).isEqualTo("172.20.1.1");
        assertThat(egress("").key(upload("c", T0, "172.32.1.1", DROP, 1L))).isNull();
        assertThat(egress("").key(upload("c", T0, "100.64.0.1", DROP, 1L))).isEqualTo("100.64.0.1");
        assertThat(egress("").key(upload("c", T0, "fd00::1", DROP, 1L))).isEqualTo("fd00::1");
        assertThat(egress("ignore_hosts: [FD00::1, 10.9.9.9]").key(upload("c", T0, "fd00::1", DROP, 1L))).isNull();
        SecurityEvent noBytes = flow("n", T0, T0, HOST, DROP, 443, null, 5L);
        assertThat(egress("").key(noBytes)).isNull();
        SecurityEvent dns = org.fenghuo.detection.anomaly.SyntheticTraffic.dnsQuery("d", T0, HOST, "10.0.0.53",
                "www.example.com", "A");
        assertThat(egress("").key(dns)).isNull();
    }

    @Test
    void emptyBucketsCountAsZeroAndLateFlowsGoToTheNextBucket() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KeyDriver<VolumeState> driver = new KeyDriver<>(
                new VolumeBaselineDetector(Direction.EGRESS, VolumeConfig.defaults(), registry), HOST);
        driver.accept(upload("a", T0 + MIN, HOST, DROP, 10 * MIB));
        assertThat(driver.timers).containsExactly(T0 + 5 * MIN);
        assertThat(driver.fireNextTimer()).isFalse(); // closes bucket 0, arms the idle expiry
        assertThat(driver.timers).containsExactly(T0 + 5 * MIN + 2 * DAY);
        assertThat(driver.state.mean()).isEqualTo(10.0 * MIB);

        driver.accept(upload("b", T0 + HOUR + MIN, HOST, DROP, MIB)); // 11 empty buckets folded in as zeros
        assertThat(driver.state.bucketsSeen()).isEqualTo(12);
        assertThat(driver.state.mean()).isEqualTo(10.0 * MIB * Math.pow(0.9, 11), org.assertj.core.data.Offset.offset(1.0));
        assertThat(driver.timers).containsExactly(T0 + HOUR + 5 * MIN);

        driver.fireNextTimer();
        driver.accept(upload("late", T0 + HOUR + 2 * MIN, HOST, DROP, MIB)); // its bucket is closed already
        assertThat(registry.get("fenghuo.anomaly.late_events").counter().count()).isEqualTo(1);
        assertThat(driver.timers).containsExactly(T0 + HOUR + 10 * MIN);
    }

    @Test
    void anIdleHostIsForgottenAfterIdleExpiry() {
        DetectorRunner<VolumeState> runner = new DetectorRunner<>(egress("idle_expiry: 1h"), 0, a -> { });
        runner.accept(upload("a", T0 + MIN, HOST, DROP, MIB));
        runner.accept(upload("b", T0 + 2 * HOUR, "10.1.1.99", DROP, MIB));
        assertThat(runner.keys()).isEqualTo(1);
        runner.finish();
        assertThat(runner.keys()).isZero();
        assertThat(runner.pendingTimers()).isZero();
    }

    @Test
    void aTimerThatOutlivedItsStateDoesNotKeepTheKey() {
        KeyDriver<VolumeState> driver = new KeyDriver<>(egress(""), HOST);
        driver.registerTimer(T0);
        assertThat(driver.fireNextTimer()).isTrue();
    }
}
