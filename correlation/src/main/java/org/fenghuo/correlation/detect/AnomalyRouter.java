package org.fenghuo.correlation.detect;

import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.fenghuo.correlation.types.SecurityEventTypeInfo;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.events.SecurityEvent;

/**
 * Fans an event out to the anomaly detectors that want it: one (detector id, key, event) per
 * detector whose {@code key(event)} is not null, so one keyed operator can host them all, keyed by
 * (detector id, key).
 */
public final class AnomalyRouter extends RichFlatMapFunction<SecurityEvent, Tuple3<String, String, SecurityEvent>> {
    private static final long serialVersionUID = 1L;

    /** (detector id, key, event). */
    public static final TypeInformation<Tuple3<String, String, SecurityEvent>> TYPE =
            Types.TUPLE(Types.STRING, Types.STRING, SecurityEventTypeInfo.INSTANCE);

    private final DetectorSet detectors;

    private transient List<KeyedDetector<?>> running;
    private transient Counter routed;
    private transient Counter unkeyed;
    private transient Counter untimed;

    public AnomalyRouter(DetectorSet detectors) {
        this.detectors = detectors;
    }

    @Override
    public void open(OpenContext openContext) {
        running = detectors.create();
        routed = getRuntimeContext().getMetricGroup().counter("anomalyInputs");
        unkeyed = getRuntimeContext().getMetricGroup().counter("anomalyEventsUnkeyed");
        untimed = getRuntimeContext().getMetricGroup().counter("anomalyEventsUntimed");
    }

    @Override
    public void flatMap(SecurityEvent event, Collector<Tuple3<String, String, SecurityEvent>> out) {
        if (event.timestamp() == null) {
            // the event-time guard dead-letters these upstream; detectors run in event time only
            untimed.inc();
            return;
        }
        boolean any = false;
        for (KeyedDetector<?> d : running) {
            String key = d.key(event);
            if (key != null) {
                any = true;
                routed.inc();
                out.collect(Tuple3.of(d.id(), key, event));
            }
        }
        if (!any) {
            unkeyed.inc();
        }
    }
}
