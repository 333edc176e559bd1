package org.fenghuo.bench.correlation;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;

/**
 * Keeps the Elasticsearch sinks' latency histograms of the in-process MiniCluster where the driver
 * can read them: Flink creates the reporter through {@link LatencyReporterFactory} in this JVM, so a
 * static map is the hand-over. Every subtask's histogram stays separate (its identifier names it).
 */
public final class LatencyReporter implements MetricReporter {
    /** The name under which the driver configures it ({@code metrics.reporter.<name>.factory.class}). */
    public static final String NAME = "benchlatency";

    private static final Map<String, Histogram> HISTOGRAMS = new ConcurrentHashMap<>();

    @Override
    public void open(MetricConfig config) {
    }

    @Override
    public void close() {
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (metric instanceof Histogram h && name.endsWith("LatencyMs")) {
            HISTOGRAMS.put(group.getMetricIdentifier(name), h);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        // kept after the job ends: the driver reads the final figures then
    }

    /** Histograms whose identifier contains every one of {@code parts}, by identifier. */
    static Map<String, Histogram> matching(String... parts) {
        Map<String, Histogram> out = new TreeMap<>();
        HISTOGRAMS.forEach((id, h) -> {
            for (String p : parts) {
                if (!id.contains(p)) {
                    return;
                }
            }
            out.put(id, h);
        });
        return out;
    }

    /** Forgets the previous job's histograms. */
    static void clear() {
        HISTOGRAMS.clear();
    }
}
