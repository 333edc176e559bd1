package org.fenghuo.collectors.syslog.payload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fenghuo.collectors.metrics.CollectorMetrics;

/**
 * Payload counters of one input: {@code fenghuo.collector.payload_parsed{input,parser}},
 * {@code .payload_malformed{input,parser}}, {@code .payload_invalid_values{input,parser}} (values
 * of the wrong type for their ECS field, kept under {@code fenghuo.<parser>.*}) and
 * {@code .payload_unparsed{input}} (no rule chose a parser). Thread-safe.
 */
public final class PayloadMetrics {

    private final MeterRegistry registry;
    private final String input;
    private final Counter unparsed;
    private final Map<String, Counter[]> byParser = new ConcurrentHashMap<>();

    public PayloadMetrics(MeterRegistry registry, String input, Iterable<String> parsers) {
        this.registry = registry;
        this.input = input;
        this.unparsed = Counter.builder(CollectorMetrics.PREFIX + "payload_unparsed")
                .description("messages no payload rule parsed (kept with their RFC fields)")
                .tag("input", input).register(registry);
        for (String parser : parsers) {
            counters(parser);
        }
    }

    private Counter[] counters(String parser) {
        return byParser.computeIfAbsent(parser, p -> new Counter[] {
            counter("payload_parsed", p, "messages read into ECS by this payload parser"),
            counter("payload_malformed", p, "messages in this parser's format it could not read (kept, tagged)"),
            counter("payload_invalid_values", p, "values of the wrong type for their ECS field, kept as text"),
        });
    }

    private Counter counter(String name, String parser, String description) {
        return Counter.builder(CollectorMetrics.PREFIX + name).description(description)
                .tag("input", input).tag("parser", parser).register(registry);
    }

    void parsed(String parser) {
        counters(parser)[0].increment();
    }

    void malformed(String parser) {
        counters(parser)[1].increment();
    }

    void invalidValues(String parser, int n) {
        counters(parser)[2].increment(n);
    }

    void unparsed() {
        unparsed.increment();
    }

    public PayloadStats snapshot() {
        Map<String, Long> parsed = new LinkedHashMap<>();
        Map<String, Long> malformed = new LinkedHashMap<>();
        long invalid = 0;
        for (Map.Entry<String, Counter[]> e : new java.util.TreeMap<>(byParser).entrySet()) {
            long p = (long) e.getValue()[0].count();
            long m = (long) e.getValue()[1].count();
            if (p > 0) {
                parsed.put(e.getKey(), p);
            }
            if (m > 0) {
                malformed.put(e.getKey(), m);
            }
            invalid += (long) e.getValue()[2].count();
        }
        return new PayloadStats(parsed, malformed, (long) unparsed.count(), invalid);
    }
}
