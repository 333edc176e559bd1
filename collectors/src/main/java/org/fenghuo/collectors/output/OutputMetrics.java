package org.fenghuo.collectors.output;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.fenghuo.collectors.metrics.CollectorMetrics;

/**
 * The output's counters for one input, beside that input's {@link CollectorMetrics} (whose
 * {@code sent} and {@code send_failed} the output also counts): {@code fenghuo.collector.spooled}
 * and {@code fenghuo.collector.dropped} tagged {@code reason}. Thread-safe.
 */
final class OutputMetrics {

    /** Why a record never reached the spool or Kafka; each one is counted and logged, never silent. */
    enum DropReason {
        /** The spool was full and the input cannot wait (UDP, pcap), or {@code when_full: drop}. */
        SPOOL_FULL,
        /** Larger than the whole spool bound: it could never fit. */
        TOO_LARGE,
        /** Writing to the spool failed (disk full, I/O error). */
        SPOOL_ERROR,
        /** The collector was stopping while the input waited for space. */
        SHUTDOWN,
        /** Kafka refused the record itself (e.g. larger than the broker accepts). */
        KAFKA_REJECTED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final CollectorMetrics input;
    private final Counter spooled;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);

    OutputMetrics(MeterRegistry registry, String input) {
        this.input = CollectorMetrics.forInput(registry, input);
        this.spooled = Counter.builder(CollectorMetrics.PREFIX + "spooled")
                .description("records written to the spool (every record goes through it)")
                .tag("input", input).register(registry);
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, Counter.builder(CollectorMetrics.PREFIX + "dropped")
                    .description("records lost, by reason").tag("input", input).tag("reason", reason.tag())
                    .register(registry));
        }
    }

    CollectorMetrics input() {
        return input;
    }

    void spooled() {
        spooled.increment();
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    long spooledCount() {
        return (long) spooled.count();
    }

    long droppedCount() {
        return (long) dropped.values().stream().mapToDouble(Counter::count).sum();
    }
}
