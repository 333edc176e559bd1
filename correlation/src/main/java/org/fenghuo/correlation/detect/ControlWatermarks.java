package org.fenghuo.correlation.detect;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks of the rule-control stream: always at the end of time. The operators that take it
 * ({@link FirstInputTimeOperator}, the correlator) ignore its time; this keeps it from holding
 * anything back should another operator combine it (a control topic is silent for days). Control
 * records are applied on arrival, so their own time does not matter.
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
