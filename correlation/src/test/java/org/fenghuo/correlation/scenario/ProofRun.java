package org.fenghuo.correlation.scenario;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.correlation.pack.AlertHits;
import org.fenghuo.correlation.pack.BuiltInPack;
import org.fenghuo.correlation.pack.MarkerHits;
import org.fenghuo.detection.anomaly.AnomalyDetectors;
import org.fenghuo.detection.ioc.IndicatorIndex;
import org.fenghuo.detection.ioc.IndicatorListLoader;
import org.fenghuo.detection.ioc.IocMatcher;
import org.fenghuo.detection.ioc.LoadResult;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * The job's judgement in plain Java over one scenario: detection's anomaly detectors (defaults, no
 * out-of-orderness) and IOC matching with the scenario's indicators, the pack's marks, then the
 * pack on Esper. Hits wait in a buffer until the watermark (the latest event time) passes them and
 * go in time order, as the Flink operator will hold them: a detector's timer alert (the volume
 * bucket's end) may come after alerts of later events, and Esper drops what is older than its clock.
 */
final class ProofRun {
    /** A hit waiting for the watermark; {@code seq} keeps arrival order among equal times. */
    private record Waiting(RuleHit hit, long seq) {
    }

    final List<Alert> detectorAlerts = new ArrayList<>();
    final List<Alert> iocAlerts = new ArrayList<>();
    final List<Alert> correlated = new ArrayList<>();
    long events;
    long marks;

    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>((x, y) -> {
        int c = x.hit().timestamp().compareTo(y.hit().timestamp());
        return c != 0 ? c : Long.compare(x.seq(), y.seq());
    });
    private long seq;

    static ProofRun of(DistrictScenario scenario) {
        ProofRun run = new ProofRun();
        run.execute(scenario);
        return run;
    }

    private void execute(DistrictScenario scenario) {
        LoadResult loaded = IndicatorListLoader.load(new StringReader(scenario.indicatorList()), "district-ti.txt",
                DistrictScenario.INDICATOR_SOURCE);
        if (loaded.report().broken() > 0 || loaded.report().loaded() != scenario.indicators().size()) {
            throw new AssertionError("indicator list: " + loaded.report().summary());
        }
        IndicatorIndex index = IndicatorIndex.of(List.of(loaded));
        IocMatcher ioc = new IocMatcher(() -> index, null);
        MarkerHits markers = new MarkerHits(scenario.packSettings());
        AnomalyDetectors detectors = AnomalyDetectors.running(AnomalyDetectors.defaults(), 0, a -> {
            detectorAlerts.add(a);
            wait(AlertHits.of(a));
        });
        try (EsperAlertCorrelator correlator = new EsperAlertCorrelator(List.of(),
                BuiltInPack.rules(scenario.packSettings()), correlated::add)) {
            if (!correlator.rejected().isEmpty()) {
                throw new AssertionError("rejected: " + correlator.rejected());
            }
            Instant last = null;
            for (SecurityEvent e : scenario) {
                events++;
                detectors.accept(e);
                for (Alert a : ioc.alerts(e)) {
                    iocAlerts.add(a);
                    wait(AlertHits.of(a));
                }
                for (RuleHit h : markers.of(e)) {
                    marks++;
                    wait(h);
                }
                release(correlator, e.timestamp());
                last = e.timestamp();
            }
            detectors.finish();
            if (last != null) {
                release(correlator, Instant.MAX);
                correlator.advanceWatermark(last.plusSeconds(8 * 24 * 3600));
            }
            if (correlator.dropped() != 0) {
                throw new AssertionError(correlator.dropped() + " hits dropped as late");
            }
        }
    }

    private void wait(RuleHit hit) {
        waiting.add(new Waiting(hit, seq++));
    }

    private void release(EsperAlertCorrelator correlator, Instant watermark) {
        while (!waiting.isEmpty() && !waiting.peek().hit().timestamp().isAfter(watermark)) {
            correlator.accept(waiting.poll().hit());
        }
        if (watermark != Instant.MAX) {
            correlator.advanceWatermark(watermark);
        }
    }

    /** Every alert of detection (anomaly and IOC). */
    List<Alert> detectionAlerts() {
        List<Alert> all = new ArrayList<>(detectorAlerts);
        all.addAll(iocAlerts);
        return all;
    }
}
