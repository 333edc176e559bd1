package org.fenghuo.correlation.detect;

import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Flink's broadcast operator, with the event time of its first input (the events) alone: the second
 * (rule-control records) carries no event time. Flink combines a two-input operator's watermark
 * over the inputs that are not idle, so once the events go idle (no event for the source idleness,
 * e.g. a quiet night) any watermark of the control input would become the operator's, and the end
 * of time it is given (so that a silent control topic never holds event time back) would pass every
 * window and timer downstream for good. Here the control input's watermarks and idleness are
 * ignored, and the first input's pass through as they come.
 */
public final class FirstInputTimeOperator<IN1, IN2, OUT> extends CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;

    public FirstInputTimeOperator(BroadcastProcessFunction<IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStates) {
        super(function, broadcastStates);
    }

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        processWatermark(mark);
    }

    @Override
    public void processWatermark2(Watermark mark) {
        // the control input has no event time
    }

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int inputId) {
        if (inputId == 0) {
            output.emitWatermarkStatus(status);
        }
    }
}
