package org.fenghuo.collectors.netflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of one NetFlow/IPFIX input, tagged {@code input=<name>}, named
 * {@code fenghuo.netflow.*}: {@code received} (datagrams), {@code records} (flow records that became
 * events), {@code options_records}, {@code malformed} (tagged {@code reason=<NetflowErrorKind tag>}),
 * {@code dead_lettered}, {@code lost_flows} (sequence gaps), {@code templates} (templates learned or
 * changed), and the gauges {@code templates_active} and {@code pending} (data sets held for their
 * template). Thread-safe.
 */
public final class NetflowMetrics {
    public static final String PREFIX = "fenghuo.netflow.";

    private final String input;
    private final Counter received;
    private final Counter records;
    private final Counter optionsRecords;
    private final Map<NetflowErrorKind, Counter> malformed = new EnumMap<>(NetflowErrorKind.class);
    private final Counter deadLettered;
    private final Counter lostFlows;
    private final Counter templates;
    private final AtomicLong templatesActive = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    private NetflowMetrics(MeterRegistry registry, String input) {
        this.input = input;
        received = counter(registry, "received", "export datagrams received");
        records = counter(registry, "records", "flow records decoded into events");
        optionsRecords = counter(registry, "options_records", "options data records decoded into events");
        deadLettered = counter(registry, "dead_lettered", "dead letters handed to the sink");
        lostFlows = counter(registry, "lost_flows",
                "flows (v5, IPFIX records) or export packets (v9) missing by sequence number");
        templates = counter(registry, "templates", "templates learned or changed");
        Gauge.builder(PREFIX + "templates_active", templatesActive, AtomicLong::get)
                .description("templates held").tag("input", input).register(registry);
        Gauge.builder(PREFIX + "pending", pending, AtomicLong::get)
                .description("data sets held for their template").tag("input", input).register(registry);
        for (NetflowErrorKind kind : NetflowErrorKind.values()) {
            malformed.put(kind, Counter.builder(PREFIX + "malformed").description("problems, by reason")
                    .tag("input", input).tag("reason", kind.tag()).register(registry));
        }
    }

    public static NetflowMetrics forInput(MeterRegistry registry, String input) {
        return new NetflowMetrics(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(input, "input"));
    }

    private Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(PREFIX + name).description(description).tag("input", input).register(registry);
    }

    public String input() {
        return input;
    }

    void received() {
        received.increment();
    }

    void record() {
        records.increment();
    }

    void optionsRecord() {
        optionsRecords.increment();
    }

    void malformed(NetflowErrorKind kind) {
        malformed.get(kind).increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void lostFlows(long n) {
        lostFlows.increment(n);
    }

    void templateLearned() {
        templates.increment();
    }

    void templatesActive(long n) {
        templatesActive.set(n);
    }

    void pending(long n) {
        pending.set(n);
    }

    public NetflowStats snapshot() {
        Map<NetflowErrorKind, Long> byKind = new EnumMap<>(NetflowErrorKind.class);
        for (Map.Entry<NetflowErrorKind, Counter> e : malformed.entrySet()) {
            long n = (long) e.getValue().count();
            if (n > 0) {
                byKind.put(e.getKey(), n);
            }
        }
        return new NetflowStats(input, (long) received.count(), (long) records.count(), (long) optionsRecords.count(),
                byKind, (long) deadLettered.count(), (long) lostFlows.count(), (long) templates.count(),
                templatesActive.get(), pending.get());
    }
}
