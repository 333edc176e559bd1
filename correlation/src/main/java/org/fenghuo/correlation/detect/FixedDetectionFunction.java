package org.fenghuo.correlation.detect;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * {@link DetectionFunction} for a job without a rule-reload topic: the set of the settings runs until
 * a restart. One input, so Flink chains it to the events' source task; with a control input every
 * event crossed a serialising hop to reach detection. Same outputs (alerts, {@link
 * DetectionFunction#RULE_HITS}) and metrics.
 */
public final class FixedDetectionFunction extends ProcessFunction<SecurityEvent, Alert> {
    private static final long serialVersionUID = 1L;

    private final DetectionSettings settings;
    private transient DetectionRun run;

    public FixedDetectionFunction(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext openContext) {
        run = new DetectionRun(settings, getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(SecurityEvent event, Context ctx, Collector<Alert> out) {
        run.evaluate(event, out, hit -> ctx.output(DetectionFunction.RULE_HITS, hit));
    }
}
