package org.fenghuo.correlation.detect;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks of the rule-control stream: always at the end of time. The detection operator's
 * watermark is the lower of its two inputs', and a control topic is silent for days: without a
 * watermark of its own (Flink's {@code noWatermarks}) it would hold event time at its start for the
 * whole job, and no window, timer or correlation downstream would ever close. Control records are
 * applied on arrival, so their own time does not matter.
 */
final class ControlWatermarks {
    private ControlWatermarks() {
    }

    static <T> WatermarkStrategy<T> atEndOfTime() {
        return WatermarkStrategy.forGenerator(context -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }
        });
    }
}
