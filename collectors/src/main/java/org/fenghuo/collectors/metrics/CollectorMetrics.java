package org.fenghuo.collectors.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.fenghuo.collectors.input.ErrorKind;

/**
 * The counters of one input, tagged {@code input=<name>}: {@code fenghuo.collector.received},
 * {@code .parsed}, {@code .empty}, {@code .malformed} (also tagged {@code reason=<ErrorKind tag>}),
 * {@code .dead_lettered}, {@code .sent}, {@code .send_failed}. Micrometer returns the same counter
 * for the same name and tags, so the input and the sink that share a registry count into one set.
 * Thread-safe.
 */
public final class CollectorMetrics {

    public static final String PREFIX = "fenghuo.collector.";

    private final String input;
    private final Counter received;
    private final Counter parsed;
    private final Counter empty;
    private final Map<ErrorKind, Counter> malformed = new EnumMap<>(ErrorKind.class);
    private final Counter deadLettered;
    private final Counter sent;
    private final Counter sendFailed;

    private CollectorMetrics(MeterRegistry registry, String input) {
        this.input = input;
        received = counter(registry, "received", "frames read, including empty and malformed ones");
        parsed = counter(registry, "parsed", "frames that became events");
        empty = counter(registry, "empty", "blank frames, skipped");
        deadLettered = counter(registry, "dead_lettered", "dead letters handed to the sink");
        sent = counter(registry, "sent", "records the sink confirmed delivered");
        sendFailed = counter(registry, "send_failed", "records the sink could not deliver");
        // registered up front so a dashboard shows zeros instead of missing series
        for (ErrorKind kind : ErrorKind.values()) {
            malformed.put(kind, Counter.builder(PREFIX + "malformed")
                    .description("frames rejected, by reason")
                    .tag("input", input).tag("reason", kind.tag())
                    .register(registry));
        }
    }

    public static CollectorMetrics forInput(MeterRegistry registry, String input) {
        return new CollectorMetrics(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(input, "input"));
    }

    private Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(PREFIX + name).description(description).tag("input", input).register(registry);
    }

    public String input() {
        return input;
    }

    public void received() {
        received.increment();
    }

    public void parsed() {
        parsed.increment();
    }

    public void empty() {
        empty.increment();
    }

    public void malformed(ErrorKind kind) {
        malformed.get(kind).increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void sent() {
        sent.increment();
    }

    public void sendFailed() {
        sendFailed.increment();
    }

    public CollectorStats snapshot() {
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        long malformedTotal = 0;
        for (Map.Entry<ErrorKind, Counter> e : malformed.entrySet()) {
            long n = (long) e.getValue().count();
            if (n > 0) {
                byKind.put(e.getKey(), n);
                malformedTotal += n;
            }
        }
        return new CollectorStats(input, count(received), count(parsed), count(empty), malformedTotal, byKind,
                count(deadLettered), count(sent), count(sendFailed));
    }

    private static long count(Counter counter) {
        return (long) counter.count();
    }
}
