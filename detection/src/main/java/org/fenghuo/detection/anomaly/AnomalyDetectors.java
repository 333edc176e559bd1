package org.fenghuo.detection.anomaly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.fenghuo.detection.anomaly.auth.BruteForceConfig;
import org.fenghuo.detection.anomaly.auth.BruteForceDetector;
import org.fenghuo.detection.anomaly.beacon.BeaconConfig;
import org.fenghuo.detection.anomaly.beacon.BeaconDetector;
import org.fenghuo.detection.anomaly.dns.DnsTunnelConfig;
import org.fenghuo.detection.anomaly.dns.DnsTunnelDetector;
import org.fenghuo.detection.anomaly.ics.IcsCommandConfig;
import org.fenghuo.detection.anomaly.ics.IcsCommandDetector;
import org.fenghuo.detection.anomaly.scan.PortScanConfig;
import org.fenghuo.detection.anomaly.scan.PortScanDetector;
import org.fenghuo.detection.anomaly.volume.Direction;
import org.fenghuo.detection.anomaly.volume.VolumeBaselineDetector;
import org.fenghuo.detection.anomaly.volume.VolumeConfig;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * The built-in anomaly detectors, each with its documented defaults, and a plain-Java run of all of
 * them side by side over one event stream (what {@code fenghuo detect --anomaly} does; the
 * correlation job hosts the same detectors in keyed Flink operators).
 */
public final class AnomalyDetectors {
    private final List<DetectorRunner<?>> runners = new ArrayList<>();

    private AnomalyDetectors(List<KeyedDetector<?>> detectors, long outOfOrdernessMillis, Consumer<Alert> alerts) {
        for (KeyedDetector<?> d : detectors) {
            runners.add(runner(d, outOfOrdernessMillis, alerts));
        }
    }

    /** Every built-in detector with its defaults, in a stable order. */
    public static List<KeyedDetector<?>> defaults() {
        return List.of(PortScanDetector.horizontal(PortScanConfig.defaults()),
                PortScanDetector.vertical(PortScanConfig.defaults()),
                BruteForceDetector.bruteForce(BruteForceConfig.defaults()),
                BruteForceDetector.successAfterBruteForce(BruteForceConfig.defaults()),
                new IcsCommandDetector(IcsCommandConfig.defaults()),
                new BeaconDetector(BeaconConfig.defaults()),
                new DnsTunnelDetector(DnsTunnelConfig.defaults()),
                new VolumeBaselineDetector(Direction.EGRESS, VolumeConfig.defaults()),
                new VolumeBaselineDetector(Direction.INGRESS, VolumeConfig.defaults()));
    }

    /** Runs {@code detectors} over one stream; {@link #accept} each event, then {@link #finish}. */
    public static AnomalyDetectors running(List<KeyedDetector<?>> detectors, long outOfOrdernessMillis,
            Consumer<Alert> alerts) {
        return new AnomalyDetectors(detectors, outOfOrdernessMillis, alerts);
    }

    public void accept(SecurityEvent event) {
        for (DetectorRunner<?> r : runners) {
            r.accept(event);
        }
    }

    /** End of input: every pending timer fires. */
    public void finish() {
        for (DetectorRunner<?> r : runners) {
            r.finish();
        }
    }

    private static <S extends Serializable> DetectorRunner<S> runner(KeyedDetector<S> detector, long outOfOrderness,
            Consumer<Alert> alerts) {
        return new DetectorRunner<>(detector, outOfOrderness, alerts);
    }
}
