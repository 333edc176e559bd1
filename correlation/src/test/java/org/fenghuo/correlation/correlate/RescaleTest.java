package org.fenghuo.correlation.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.correlate.CorrelationOperatorTest.MAX_PARALLELISM;
import static org.fenghuo.correlation.correlate.CorrelationOperatorTest.harness;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint taken at one parallelism restored at another: the hits of the open windows, the
 * buffered hits and the mutes go to the subtasks that now own their key groups, so the alerts of
 * both lives are those of one uninterrupted in-order correlator (the correlations group by
 * {@code source.ip}, the partition key).
 */
class RescaleTest {
    private static final long BOUND = 2_000;

    /** Subtasks of one parallelism fed a slice of the stream as keyBy would route it. */
    private static final class Run implements AutoCloseable {
        final List<KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert>> subtasks = new ArrayList<>();
        long maxSeen = Long.MIN_VALUE;

        Run(int parallelism, OperatorSubtaskState packed, int oldParallelism) throws Exception {
            for (int i = 0; i < parallelism; i++) {
                OperatorSubtaskState state = packed == null ? null : AbstractStreamOperatorTestHarness
                        .repartitionOperatorState(packed, MAX_PARALLELISM, oldParallelism, parallelism, i);
                subtasks.add(harness(Scenario.rules(Scenario.RULES), state, parallelism, i));
            }
        }

        void feed(List<RuleHit> hits) throws Exception {
            for (int i = 0; i < hits.size(); i++) {
                RuleHit hit = hits.get(i);
                int to = KeyGroupRangeAssignment.assignKeyToParallelOperator(HitKeys.of(hit), MAX_PARALLELISM,
                        subtasks.size());
                subtasks.get(to).processElement(hit, hit.timestamp().toEpochMilli());
                maxSeen = Math.max(maxSeen, hit.timestamp().toEpochMilli());
                if (i % 13 == 12) {
                    watermark(maxSeen - BOUND - 1);
                }
            }
        }

        void watermark(long t) throws Exception {
            for (var s : subtasks) {
                s.processWatermark(t);
            }
        }

        OperatorSubtaskState snapshot() throws Exception {
            List<OperatorSubtaskState> states = new ArrayList<>();
            for (var s : subtasks) {
                states.add(s.snapshot(1, 1));
            }
            return AbstractStreamOperatorTestHarness.repackageState(states.toArray(new OperatorSubtaskState[0]));
        }

        List<Alert> alerts() {
            List<Alert> all = new ArrayList<>();
            subtasks.forEach(s -> all.addAll(s.extractOutputValues()));
            return all;
        }

        int buffered() {
            return subtasks.stream().mapToInt(s -> CorrelationOperatorTest.operator(s).bufferedHits()).sum();
        }

        @Override
        public void close() throws Exception {
            for (var s : subtasks) {
                s.close();
            }
        }
    }

    private static void rescale(int from, int to, long seed) throws Exception {
        List<RuleHit> hits = Scenario.stream(seed, 90);
        long end = hits.get(hits.size() - 1).timestamp().toEpochMilli() + 10 * Scenario.SPAN;
        List<Alert> expected = Scenario.reference(Scenario.RULES, hits, end);
        int cut = hits.size() / 2;
        List<Alert> actual = new ArrayList<>();
        OperatorSubtaskState state;
        int bufferedAtSnapshot;
        long maxSeen;
        try (Run first = new Run(from, null, from)) {
            first.feed(hits.subList(0, cut));
            state = first.snapshot();
            bufferedAtSnapshot = first.buffered();
            maxSeen = first.maxSeen;
            actual.addAll(first.alerts());
        }
        try (Run second = new Run(to, state, from)) {
            assertThat(second.buffered()).isEqualTo(bufferedAtSnapshot);
            second.maxSeen = maxSeen;
            second.feed(hits.subList(cut, hits.size()));
            second.watermark(end);
            actual.addAll(second.alerts());
        }
        assertThat(bufferedAtSnapshot).as("hits waiting for the watermark at the snapshot").isPositive();
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(Scenario.sorted(actual)).containsExactlyElementsOf(Scenario.sorted(expected));
    }

    @Test
    void twoSubtasksRestoredAsOne() throws Exception {
        rescale(2, 1, 21);
    }

    @Test
    void oneSubtaskRestoredAsTwo() throws Exception {
        rescale(1, 2, 22);
    }

    @Test
    void twoSubtasksRestoredAsThree() throws Exception {
        rescale(2, 3, 23);
    }
}
