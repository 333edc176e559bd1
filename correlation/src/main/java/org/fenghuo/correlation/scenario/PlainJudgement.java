package org.fenghuo.correlation.scenario;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.correlation.incident.IncidentBuilder;
import org.fenghuo.correlation.pack.AlertHits;
import org.fenghuo.correlation.pack.BuiltInPack;
import org.fenghuo.correlation.pack.MarkerHits;
import org.fenghuo.correlation.pack.PackSettings;
import org.fenghuo.detection.anomaly.AnomalyDetectors;
import org.fenghuo.detection.ioc.IndicatorIndex;
import org.fenghuo.detection.ioc.IndicatorListLoader;
import org.fenghuo.detection.ioc.IocMatcher;
import org.fenghuo.detection.ioc.LoadResult;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;
import org.fenghuo.events.SecurityEvent;

/**
 * The job's judgement in plain Java, single-threaded, over one event stream: detection's anomaly
 * detectors (defaults, no out-of-orderness) and IOC matching, the pack's marks, then the pack on
 * Esper. Hits wait until the watermark (the latest event time) passes them and go in time order, as
 * the Flink operator must hold them: a detector's timer alert (a volume bucket's end) may come after
 * alerts of later events, and Esper drops what is older than its clock. For the scenario's proof,
 * {@code fenghuo detect}-like runs and the Esper-alone benchmark; not a substitute for the job.
 */
public final class PlainJudgement {
    /**
     * What came out.
     *
     * @param events         events read
     * @param marks          marks of {@link MarkerHits}
     * @param detectorAlerts alerts of the anomaly detectors, in emission order
     * @param iocAlerts      alerts of IOC matching
     * @param correlated     alerts of the pack, in emission order
     */
    public record Result(long events, long marks, List<Alert> detectorAlerts, List<Alert> iocAlerts,
            List<Alert> correlated) {
        public Result {
            detectorAlerts = List.copyOf(detectorAlerts);
            iocAlerts = List.copyOf(iocAlerts);
            correlated = List.copyOf(correlated);
        }

        /** Every alert of detection (anomaly detectors, then IOC). */
        public List<Alert> detectionAlerts() {
            List<Alert> all = new ArrayList<>(detectorAlerts);
            all.addAll(iocAlerts);
            return all;
        }

        /** Every alert: detection's, then the pack's. */
        public List<Alert> allAlerts() {
            List<Alert> all = detectionAlerts();
            all.addAll(correlated);
            return all;
        }

        /**
         * The incidents {@code builder} makes of every alert taken in time order (ties by id), as the
         * incident operator takes them once the watermark passes them: each incident's last version.
         */
        public Map<String, Incident> incidents(IncidentBuilder builder) {
            return incidents(builder, a -> { });
        }

        /** As above, telling {@code beforeEach} every alert just before it is taken (e.g. to set the time assets are looked up at). */
        public Map<String, Incident> incidents(IncidentBuilder builder, Consumer<Alert> beforeEach) {
            List<Alert> ordered = new ArrayList<>(allAlerts());
            ordered.sort(Comparator.comparing(Alert::timestamp).thenComparing(Alert::id));
            Map<String, Incident> last = new LinkedHashMap<>();
            for (Alert a : ordered) {
                beforeEach.accept(a);
                builder.accept(a).forEach(i -> last.put(i.id(), i));
            }
            return last;
        }
    }

    /** A hit waiting for the watermark; {@code seq} keeps arrival order among equal times. */
    private record Waiting(RuleHit hit, long seq) {
    }

    private final List<Alert> detectorAlerts = new ArrayList<>();
    private final List<Alert> iocAlerts = new ArrayList<>();
    private final List<Alert> correlated = new ArrayList<>();
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>((x, y) -> {
        int c = x.hit().timestamp().compareTo(y.hit().timestamp());
        return c != 0 ? c : Long.compare(x.seq(), y.seq());
    });
    private long seq;
    private long events;
    private long marks;

    private PlainJudgement() {
    }

    /** The scenario with its own indicators and pack settings. */
    public static Result run(DistrictScenario scenario) {
        LoadResult loaded = IndicatorListLoader.load(new StringReader(scenario.indicatorList()), "district-ti.txt",
                DistrictScenario.INDICATOR_SOURCE);
        if (loaded.report().broken() > 0 || loaded.report().loaded() != scenario.indicators().size()) {
            throw new IllegalStateException("the scenario's indicator list did not load: " + loaded.report().summary());
        }
        return run(scenario, IndicatorIndex.of(List.of(loaded)), scenario.packSettings());
    }

    /**
     * {@code events} in {@code @timestamp} order.
     *
     * @throws IllegalStateException when a pack rule is rejected or a hit arrives too late (a bug here)
     */
    public static Result run(Iterable<SecurityEvent> events, IndicatorIndex indicators, PackSettings settings) {
        PlainJudgement j = new PlainJudgement();
        j.execute(events, indicators, settings);
        return new Result(j.events, j.marks, j.detectorAlerts, j.iocAlerts, j.correlated);
    }

    private void execute(Iterable<SecurityEvent> stream, IndicatorIndex indicators, PackSettings settings) {
        IocMatcher ioc = new IocMatcher(() -> indicators, null);
        MarkerHits markers = new MarkerHits(settings);
        AnomalyDetectors detectors = AnomalyDetectors.running(AnomalyDetectors.defaults(), 0, a -> {
            detectorAlerts.add(a);
            hold(AlertHits.of(a));
        });
        try (EsperAlertCorrelator correlator = new EsperAlertCorrelator(List.of(), BuiltInPack.rules(settings),
                correlated::add)) {
            if (!correlator.rejected().isEmpty()) {
                throw new IllegalStateException("pack rules rejected: " + correlator.rejected());
            }
            Instant last = null;
            for (SecurityEvent e : stream) {
                events++;
                detectors.accept(e);
                for (Alert a : ioc.alerts(e)) {
                    iocAlerts.add(a);
                    hold(AlertHits.of(a));
                }
                for (RuleHit h : markers.of(e)) {
                    marks++;
                    hold(h);
                }
                if (e.timestamp() != null) {
                    release(correlator, e.timestamp());
                    last = e.timestamp();
                }
            }
            detectors.finish();
            if (last != null) {
                release(correlator, Instant.MAX);
                // past every window, so what closes at a window's end is decided
                correlator.advanceWatermark(last.plus(PackSettings.MAX_WINDOW.multipliedBy(2)));
            }
            if (correlator.dropped() != 0) {
                throw new IllegalStateException(correlator.dropped() + " hits reached the correlator late");
            }
        }
    }

    private void hold(RuleHit hit) {
        waiting.add(new Waiting(hit, seq++));
    }

    private void release(EsperAlertCorrelator correlator, Instant watermark) {
        while (!waiting.isEmpty() && !waiting.peek().hit().timestamp().isAfter(watermark)) {
            correlator.accept(waiting.poll().hit());
        }
        if (!watermark.equals(Instant.MAX)) {
            correlator.advanceWatermark(watermark);
        }
    }
}
