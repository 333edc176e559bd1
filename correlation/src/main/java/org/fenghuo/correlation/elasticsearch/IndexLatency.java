package org.fenghuo.correlation.elasticsearch;

import java.util.Arrays;
import java.util.function.LongSupplier;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * End-to-end latency of each indexed document, from its event time and from its ingest time to
 * the moment Elasticsearch acknowledged it. Both are kept: replayed or backfilled old data makes
 * the event-time latency huge and says nothing about the pipeline, the ingest-time one still does.
 *
 * <p>A start time after the acknowledgement (a sender's clock ahead, a crafted timestamp) is
 * counted, not recorded: it would drag the percentiles below zero. A document without the time is
 * counted too. Refused (dead-lettered) documents are not indexed and not recorded.
 *
 * <p>Holds the start times of the buffered documents by buffer position; the sink writer calls
 * everything on its one task thread, and no document is buffered while a batch is being sent.
 */
final class IndexLatency {
    /** Values the histograms keep for their percentiles (a sliding window of the latest). */
    static final int WINDOW = 10_000;

    private final LongSupplier clock;
    final Histogram fromEvent = new DescriptiveStatisticsHistogram(WINDOW);
    final Histogram fromIngest = new DescriptiveStatisticsHistogram(WINDOW);
    final Counter eventTimeInFuture = new SimpleCounter();
    final Counter ingestTimeInFuture = new SimpleCounter();
    final Counter eventTimeMissing = new SimpleCounter();
    final Counter ingestTimeMissing = new SimpleCounter();

    private long[] eventTimes = new long[256];
    private long[] ingestTimes = new long[256];
    private int size;

    /** @param clock epoch milliseconds now (injected: tests control it) */
    IndexLatency(LongSupplier clock) {
        this.clock = clock;
    }

    void register(MetricGroup group) {
        group.histogram("eventToIndexedLatencyMs", fromEvent);
        group.gauge("eventToIndexedLatencyP50Ms", () -> quantile(fromEvent, 0.5));
        group.gauge("eventToIndexedLatencyP99Ms", () -> quantile(fromEvent, 0.99));
        group.counter("eventTimeInFuture", eventTimeInFuture);
        group.counter("eventTimeMissing", eventTimeMissing);
        group.histogram("ingestToIndexedLatencyMs", fromIngest);
        group.gauge("ingestToIndexedLatencyP50Ms", () -> quantile(fromIngest, 0.5));
        group.gauge("ingestToIndexedLatencyP99Ms", () -> quantile(fromIngest, 0.99));
        group.counter("ingestTimeInFuture", ingestTimeInFuture);
        group.counter("ingestTimeMissing", ingestTimeMissing);
    }

    private static long quantile(Histogram histogram, double q) {
        return histogram.getCount() == 0 ? 0 : Math.round(histogram.getStatistics().getQuantile(q));
    }

    /** The start times of the document just added at the next buffer position. */
    void buffered(long eventTime, long ingestTime) {
        if (size == eventTimes.length) {
            eventTimes = Arrays.copyOf(eventTimes, size * 2);
            ingestTimes = Arrays.copyOf(ingestTimes, size * 2);
        }
        eventTimes[size] = eventTime;
        ingestTimes[size] = ingestTime;
        size++;
    }

    /** Elasticsearch acknowledged the document at this position of the batch being sent. */
    void indexed(int position) {
        long now = clock.getAsLong();
        record(now, eventTimes[position], fromEvent, eventTimeInFuture, eventTimeMissing);
        record(now, ingestTimes[position], fromIngest, ingestTimeInFuture, ingestTimeMissing);
    }

    private static void record(long now, long start, Histogram histogram, Counter future, Counter missing) {
        if (start == LatencyTimes.NONE) {
            missing.inc();
        } else if (start > now) {
            future.inc();
        } else {
            histogram.update(now - start);
        }
    }

    /** The batch was sent (every document indexed or refused); the next one starts at position 0. */
    void clear() {
        size = 0;
    }
}
