package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.operators.TimestampsAndWatermarksOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The rule-control stream must never hold event time back: a control topic is silent for days,
 * and a source reader with no partition sends nothing at all. Its watermark operator must reach the
 * end of time on its own timer, before any control record arrives.
 */
class ControlWatermarksTest {

    @Test
    void theEndOfTimeIsEmittedWithoutAnyInput() throws Exception {
        var factory = new TimestampsAndWatermarksOperatorFactory<String>(ControlWatermarks.atEndOfTime(), true);
        try (var harness = new OneInputStreamOperatorTestHarness<String, String>(factory,
                Types.STRING.createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl()))) {
            harness.getExecutionConfig().setAutoWatermarkInterval(200);
            harness.open();
            harness.setProcessingTime(1_000);

            assertThat(harness.getOutput()).as("no record came in, yet the watermark is at the end of time")
                    .contains(new Watermark(Long.MAX_VALUE));
        }
    }
}
