package org.fenghuo.collectors.pcap.app;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the application layer did: events and malformed messages per protocol (malformed also per
 * reason), flows recognised per protocol, and the TCP holes it had to skip.
 */
public final class AppStats {
    private final TreeMap<String, Long> events = new TreeMap<>();
    private final TreeMap<String, Long> flows = new TreeMap<>();
    private final TreeMap<String, Long> malformed = new TreeMap<>();
    private long tcpGaps;
    private long tcpGapBytes;
    private long tcpDiscarded;

    void event(String protocol) {
        events.merge(protocol, 1L, Long::sum);
    }

    void flow(String protocol) {
        flows.merge(protocol, 1L, Long::sum);
    }

    void malformed(String protocol, String reason) {
        malformed.merge(protocol + ": " + reason, 1L, Long::sum);
    }

    void gap(long bytes) {
        tcpGaps++;
        tcpGapBytes += bytes;
    }

    void discarded(long segments) {
        tcpDiscarded += segments;
    }

    /** TCP segments thrown away for a sequence number outside any plausible window (forged or stray). */
    public long tcpDiscarded() {
        return tcpDiscarded;
    }

    // Sorted copies, not Map.copyOf: its iteration order changes from one JVM run to the next, and
    // the stats line prints these maps.

    /** Events emitted per protocol, sorted by name. */
    public SortedMap<String, Long> eventsByProtocol() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(events));
    }

    /** Flows recognised per protocol, sorted by name. */
    public SortedMap<String, Long> flowsByProtocol() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(flows));
    }

    /** Malformed messages keyed {@code "protocol: reason"}, sorted. */
    public SortedMap<String, Long> malformedByReason() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(malformed));
    }

    public long eventsTotal() {
        return events.values().stream().mapToLong(Long::longValue).sum();
    }

    public long malformedTotal() {
        return malformed.values().stream().mapToLong(Long::longValue).sum();
    }

    public long tcpGaps() {
        return tcpGaps;
    }

    public long tcpGapBytes() {
        return tcpGapBytes;
    }

    /** e.g. {@code dns=12 http=3 tls=2}, protocols in name order; empty when there were none. */
    public String eventsLine() {
        StringBuilder b = new StringBuilder();
        events.forEach((p, n) -> b.append(b.isEmpty() ? "" : " ").append(p).append('=').append(n));
        return b.toString();
    }
}
