package org.fenghuo.bench.correlation;

import java.util.Properties;

import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** Found by Flink through {@code META-INF/services}; see {@link LatencyReporter}. */
public final class LatencyReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new LatencyReporter();
    }
}
