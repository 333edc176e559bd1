package org.fenghuo.correlation.pack;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.SecurityEvent;

/** {@link MarkerHits} in the job: the settings travel in the graph, the address sets are built per subtask. */
public final class MarkerHitFunction extends RichFlatMapFunction<SecurityEvent, RuleHit> {
    private static final long serialVersionUID = 1L;

    private final PackSettings settings;
    private transient MarkerHits markers;
    private transient Counter marked;

    public MarkerHitFunction(PackSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        markers = new MarkerHits(settings);
        marked = getRuntimeContext().getMetricGroup().counter("markerHits");
    }

    @Override
    public void flatMap(SecurityEvent event, Collector<RuleHit> out) {
        for (RuleHit hit : markers.of(event)) {
            marked.inc();
            out.collect(hit);
        }
    }
}
