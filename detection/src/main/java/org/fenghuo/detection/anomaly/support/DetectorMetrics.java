package org.fenghuo.detection.anomaly.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * A detector's counters, tagged {@code detector} (its rule id) as the other anomaly detectors tag
 * theirs, so one registry holds them all: {@code fenghuo.anomaly.alerts}, alerts emitted;
 * {@code fenghuo.anomaly.suppressed}, findings not alerted because the same one was alerted within
 * the window; {@code fenghuo.anomaly.state_overflow}, things a bounded state did not keep (tag
 * {@code what}: targets, groups, entries, pairs, subdomains), which is where a detector may miss
 * something; and a detector's own counts through {@link #counter}.
 */
public final class DetectorMetrics {
    /** Counts nowhere (a registry with no backend). */
    public static DetectorMetrics none(String rule) {
        return of(new CompositeMeterRegistry(), rule);
    }

    private final Counter alerts;
    private final Counter suppressed;
    private final MeterRegistry registry;
    private final String rule;

    private DetectorMetrics(MeterRegistry registry, String rule) {
        this.registry = registry;
        this.rule = rule;
        this.alerts = Counter.builder("fenghuo.anomaly.alerts").tag("detector", rule).register(registry);
        this.suppressed = Counter.builder("fenghuo.anomaly.suppressed").tag("detector", rule).register(registry);
    }

    public static DetectorMetrics of(MeterRegistry registry, String rule) {
        return new DetectorMetrics(registry, rule);
    }

    public void alert() {
        alerts.increment();
    }

    public void suppressed() {
        suppressed.increment();
    }

    /** Another count of this detector, {@code fenghuo.anomaly.<name>} tagged like the rest; build once, keep. */
    public Counter counter(String name) {
        return Counter.builder("fenghuo.anomaly." + name).tag("detector", rule).register(registry);
    }

    /** A counter of what a bounded state dropped, e.g. {@code overflow("targets")}; build once, keep. */
    public Counter overflow(String what) {
        return Counter.builder("fenghuo.anomaly.state_overflow").tag("detector", rule).tag("what", what)
                .register(registry);
    }
}
