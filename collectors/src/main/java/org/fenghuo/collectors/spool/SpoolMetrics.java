package org.fenghuo.collectors.spool;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Registers a spool's state: gauges {@code fenghuo.spool.depth.records}, {@code .depth.bytes},
 * {@code .used.bytes}, {@code .max.bytes}; counters {@code fenghuo.spool.appended},
 * {@code .acknowledged}, {@code .refused}, {@code .corrupt} (tagged {@code reason=crc} for a
 * skipped record, {@code reason=unreadable} for a skipped region, {@code reason=torn_tail_bytes}
 * for bytes truncated at recovery) and {@code .fsyncs}.
 */
public final class SpoolMetrics {

    private static final String PREFIX = "fenghuo.spool.";

    private SpoolMetrics() {
    }

    public static void bind(DurableSpool spool, MeterRegistry registry) {
        gauge(registry, spool, "depth.records", "records waiting for Kafka", DurableSpool::depthRecords);
        gauge(registry, spool, "depth.bytes", "bytes of the records waiting for Kafka", DurableSpool::depthBytes);
        gauge(registry, spool, "used.bytes", "bytes of the segment files", DurableSpool::usedBytes);
        gauge(registry, spool, "max.bytes", "bound of the segment files", s -> s.config().maxBytes());
        counter(registry, spool, "appended", "records written to the spool", null, DurableSpool::appended);
        counter(registry, spool, "acknowledged", "records delivered and released", null, DurableSpool::acknowledged);
        counter(registry, spool, "refused", "appends refused because the spool was full", null, DurableSpool::refused);
        counter(registry, spool, "corrupt", "records skipped: bad checksum", "crc", DurableSpool::corruptRecords);
        counter(registry, spool, "corrupt", "regions skipped: untrustworthy length", "unreadable",
                DurableSpool::unreadableRegions);
        counter(registry, spool, "corrupt", "bytes truncated after the last good record at recovery",
                "torn_tail_bytes", DurableSpool::tornBytesTruncated);
        counter(registry, spool, "fsyncs", "forces of the active segment", null, DurableSpool::fsyncs);
    }

    private static void gauge(MeterRegistry registry, DurableSpool spool, String name, String description,
            ToDoubleFunction<DurableSpool> value) {
        Gauge.builder(PREFIX + name, spool, value).description(description).register(registry);
    }

    private static void counter(MeterRegistry registry, DurableSpool spool, String name, String description,
            String reason, ToDoubleFunction<DurableSpool> value) {
        FunctionCounter.Builder<DurableSpool> builder = FunctionCounter.builder(PREFIX + name, spool, value)
                .description(description);
        if (reason != null) {
            builder.tag("reason", reason);
        }
        builder.register(registry);
    }
}
