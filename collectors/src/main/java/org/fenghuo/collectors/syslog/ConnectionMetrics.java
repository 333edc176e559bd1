package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fenghuo.collectors.metrics.CollectorMetrics;

/**
 * What happened to the connections of one stream input: {@code fenghuo.collector.connections}
 * tagged {@code input=<name>} and {@code outcome=<Outcome tag>}, plus the gauge
 * {@code fenghuo.collector.connections_active}. Connections are not frames, so they are counted
 * apart from {@code received}/{@code malformed}. Thread-safe.
 */
final class ConnectionMetrics {

    /** The {@code outcome} tag: a small closed set, never free text. */
    enum Outcome {
        /** Accepted and given a connection slot. */
        ACCEPTED("accepted"),
        /** Closed at once: all {@code maxConnections} slots were taken. */
        REFUSED("refused_max_connections"),
        /** TLS port: the handshake failed (bad certificate, no common suite, garbage, early close). */
        TLS_HANDSHAKE_FAILED("tls_handshake_failed"),
        /** TLS port: the handshake was not done within {@code handshakeTimeout}. */
        TLS_HANDSHAKE_TIMEOUT("tls_handshake_timeout"),
        /** TLS port: the first byte was not a TLS handshake record (plain syslog?); dead-lettered. */
        NOT_TLS("not_tls"),
        /** Closed after {@code idleTimeout} without a byte. */
        IDLE_TIMEOUT("idle_timeout"),
        /** Closed because a frame stayed incomplete beyond {@code frameTimeout} (slowloris). */
        FRAME_TIMEOUT("frame_timeout");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final AtomicInteger active = new AtomicInteger();

    ConnectionMetrics(MeterRegistry registry, String input) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(CollectorMetrics.PREFIX + "connections")
                    .description("connections by what became of them")
                    .tag("input", input).tag("outcome", outcome.tag())
                    .register(registry));
        }
        Gauge.builder(CollectorMetrics.PREFIX + "connections_active", active, AtomicInteger::get)
                .description("connections being served now").tag("input", input).register(registry);
    }

    /** Counts one and returns the new total, so a caller can log the 1st, 2nd, 4th, 8th... only. */
    long count(Outcome outcome) {
        Counter counter = counters.get(outcome);
        counter.increment();
        return (long) counter.count();
    }

    /** A connection took a slot ({@code +1}) or gave it back ({@code -1}). */
    void active(int delta) {
        active.addAndGet(delta);
    }

    int active() {
        return active.get();
    }

    long total(Outcome outcome) {
        return (long) counters.get(outcome).count();
    }

    /** True for 1, 2, 4, 8...: a flood of bad connections gives a logarithmic number of log lines. */
    static boolean worthLogging(long total) {
        return Long.bitCount(total) == 1;
    }
}
