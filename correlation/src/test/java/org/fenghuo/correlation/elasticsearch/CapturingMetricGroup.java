package org.fenghuo.correlation.elasticsearch;

import java.util.HashMap;
import java.util.Map;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/** Keeps every metric registered on it or its subgroups by name (subgroups are flattened: "group.name"). */
final class CapturingMetricGroup extends UnregisteredMetricsGroup {
    private final Map<String, Metric> metrics;
    private final String prefix;

    CapturingMetricGroup() {
        this(new HashMap<>(), "");
    }

    private CapturingMetricGroup(Map<String, Metric> metrics, String prefix) {
        this.metrics = metrics;
        this.prefix = prefix;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new CapturingMetricGroup(metrics, prefix + name + ".");
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        metrics.put(prefix + name, counter);
        return counter;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        metrics.put(prefix + name, gauge);
        return gauge;
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        metrics.put(prefix + name, histogram);
        return histogram;
    }

    Histogram histogram(String name) {
        return (Histogram) require(name);
    }

    long count(String name) {
        Metric m = require(name);
        if (m instanceof Counter c) {
            return c.getCount();
        }
        return ((Number) ((Gauge<?>) m).getValue()).longValue();
    }

    private Metric require(String name) {
        Metric m = metrics.get(name);
        if (m == null) {
            throw new AssertionError("no metric " + name + " among " + metrics.keySet());
        }
        return m;
    }
}
