package org.fenghuo.correlation.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class IndexLatencyTest {
    private static final long NONE = LatencyTimes.NONE;

    @Test
    void recordsOneValuePerAcknowledgedDocumentAndCountsTheRest() {
        AtomicLong now = new AtomicLong(1_000_000);
        IndexLatency latency = new IndexLatency(now::get);
        latency.buffered(1_000_000 - 1500, 1_000_000 - 200); // 0: both recorded
        latency.buffered(1_000_000 + 10_000, 1_000_000 - 300); // 1: event time in the future
        latency.buffered(1_000_000 - 2000, NONE); // 2: no ingest time
        latency.buffered(1_000_000 - 50, 1_000_000 - 40); // 3: refused by Elasticsearch: never acknowledged
        latency.buffered(NONE, 1_000_000 + 1); // 4: no event time, ingest in the future
        for (int position : new int[] {0, 1, 2, 4}) {
            latency.indexed(position);
        }

        assertThat(latency.fromEvent.getCount()).isEqualTo(2);
        assertThat(latency.fromEvent.getStatistics().getMin()).isEqualTo(1500);
        assertThat(latency.fromEvent.getStatistics().getMax()).isEqualTo(2000);
        assertThat(latency.eventTimeInFuture.getCount()).isEqualTo(1);
        assertThat(latency.eventTimeMissing.getCount()).isEqualTo(1);
        assertThat(latency.fromIngest.getCount()).isEqualTo(2);
        assertThat(latency.fromIngest.getStatistics().getMin()).isEqualTo(200);
        assertThat(latency.fromIngest.getStatistics().getMax()).isEqualTo(300);
        assertThat(latency.ingestTimeInFuture.getCount()).isEqualTo(1);
        assertThat(latency.ingestTimeMissing.getCount()).isEqualTo(1);
    }

    @Test
    void aNewBatchStartsAtPositionZeroAndTheBufferGrows() {
        AtomicLong now = new AtomicLong(10_000);
        IndexLatency latency = new IndexLatency(now::get);
        for (int i = 0; i < 1000; i++) {
            latency.buffered(10_000 - i, NONE);
        }
        latency.indexed(999);
        latency.clear();
        latency.buffered(10_000 - 7, NONE);
        now.set(10_005);
        latency.indexed(0);
        assertThat(latency.fromEvent.getCount()).isEqualTo(2);
        assertThat(latency.fromEvent.getStatistics().getMax()).isEqualTo(999);
        assertThat(latency.fromEvent.getStatistics().getMin()).isEqualTo(12);
    }

    @Test
    void percentileGaugesAreRegisteredBesideTheHistograms() {
        IndexLatency latency = new IndexLatency(() -> 100);
        CapturingMetricGroup group = new CapturingMetricGroup();
        latency.register(group);
        assertThat(group.count("eventToIndexedLatencyP99Ms")).isZero();
        for (int i = 1; i <= 100; i++) {
            latency.buffered(100 - i, 100 - i);
        }
        for (int i = 0; i < 100; i++) {
            latency.indexed(i);
        }
        assertThat(group.histogram("eventToIndexedLatencyMs").getCount()).isEqualTo(100);
        assertThat(group.count("eventToIndexedLatencyP50Ms")).isBetween(50L, 51L);
        assertThat(group.count("ingestToIndexedLatencyP99Ms")).isBetween(99L, 100L);
        assertThat(group.count("eventTimeInFuture")).isZero();
    }
}
