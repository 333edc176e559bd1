package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The rule-controlled operator's event time is its first input's, even when that input goes idle. */
class FirstInputTimeOperatorTest {
    private static final MapStateDescriptor<String, String> CONTROL =
            new MapStateDescriptor<>("control", Types.STRING, Types.STRING);

    /** Passes events through and remembers control records: enough to see what time does. */
    private static final class PassThrough extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {
            out.collect(value);
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(CONTROL).put("last", value);
        }
    }

    private static TwoInputStreamOperatorTestHarness<String, String, String> harness() throws Exception {
        var h = new TwoInputStreamOperatorTestHarness<>(new FirstInputTimeOperator<>(new PassThrough(), List.of(CONTROL)));
        h.open();
        return h;
    }

    private static List<Object> timeOut(TwoInputStreamOperatorTestHarness<String, String, String> h) {
        return h.getOutput().stream().filter(o -> o instanceof Watermark || o instanceof WatermarkStatus).toList();
    }

    @Test
    void idleEventsDoNotHandTheControlInputsEndOfTimeDownstream() throws Exception {
        try (var h = harness()) {
            h.processWatermark2(new Watermark(Long.MAX_VALUE)); // the control stream's time: the end of time
            h.processWatermark1(new Watermark(5_000));
            h.processWatermarkStatus1(WatermarkStatus.IDLE); // a quiet night
            h.processElement2("rules v2", 6_000);
            h.processWatermarkStatus1(WatermarkStatus.ACTIVE);
            h.processWatermark1(new Watermark(9_000));

            assertThat(timeOut(h)).containsExactly(new Watermark(5_000), WatermarkStatus.IDLE, WatermarkStatus.ACTIVE,
                    new Watermark(9_000));
        }
    }

    @Test
    void aSilentControlInputHoldsNothingBack() throws Exception {
        try (var h = harness()) {
            h.processElement1("event", 1_000);
            h.processWatermark1(new Watermark(1_000));

            assertThat(h.extractOutputValues()).containsExactly("event");
            assertThat(timeOut(h)).containsExactly(new Watermark(1_000));
        }
    }
}
