package org.fenghuo.correlation.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.correlation.types.RuleHitTypeInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/** The operator wired by {@link CorrelationOperators} in a job on a MiniCluster, generic types off. */
class CorrelationJobTest {

    @Test
    void shuffledHitsOnTwoSubtasksGiveTheAlertsOfTheInOrderCorrelator() throws Exception {
        long bound = 4_000;
        List<RuleHit> hits = Scenario.stream(31, 150);
        long last = hits.get(hits.size() - 1).timestamp().toEpochMilli();
        // the end of the bounded input is the final watermark (Long.MAX_VALUE): every window closes
        List<Alert> expected = Scenario.reference(Scenario.RULES, hits, last + 10 * Scenario.SPAN);

        StreamExecutionEnvironment env = LocalEnvironments.create(2);
        DataStream<RuleHit> input = env.fromData(Scenario.shuffled(hits, bound, 5), RuleHitTypeInfo.INSTANCE)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<RuleHit>forBoundedOutOfOrderness(Duration.ofMillis(bound))
                        .withTimestampAssigner((hit, previous) -> hit.timestamp().toEpochMilli()));
        List<Alert> actual = new ArrayList<>();
        try (CloseableIterator<Alert> it = CorrelationOperators.correlate(input, Scenario.rules(Scenario.RULES), 2)
                .executeAndCollect("correlation-job-test")) {
            it.forEachRemaining(actual::add);
        }
        assertThat(expected).hasSizeGreaterThan(150);
        assertThat(Scenario.sorted(actual)).containsExactlyElementsOf(Scenario.sorted(expected));
    }
}
