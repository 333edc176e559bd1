package org.fenghuo.detection.anomaly;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/** Flow and DNS events shaped like the collectors' (pcap.flow, pcap.dns), and a context for driving one key by hand. */
public final class SyntheticTraffic {
    private SyntheticTraffic() {
    }

    /** A pcap flow: {@code @timestamp} is its end, as the flow table reports it. */
    public static SecurityEvent flow(String id, long startMillis, long endMillis, String source, String destination,
            Integer destinationPort, Long sourceBytes, Long destinationBytes) {
        return SecurityEvent.builder().timestamp(Instant.ofEpochMilli(endMillis))
                .event(new SecurityEvent.EventInfo(id, "event", List.of("network"), List.of("connection", "end"), null,
                        null, "pcap", "pcap.flow", null, null, null, null, null, Instant.ofEpochMilli(startMillis),
                        Instant.ofEpochMilli(endMillis), (endMillis - startMillis) * 1_000_000))
                .source(new SecurityEvent.Endpoint(source, 50_000, null, null, null, sourceBytes, null))
                .destination(new SecurityEvent.Endpoint(destination, destinationPort, null, null, null, destinationBytes,
                        null))
                .network(new SecurityEvent.Network("tcp", "ipv4", null, null, null, null, null, null, null, null))
                .build();
    }

    /** A DNS query as the pcap dns analyzer writes it ({@code dns.type: query}). */
    public static SecurityEvent dnsQuery(String id, long millis, String client, String resolver, String name,
            String type) {
        return SecurityEvent.builder().timestamp(Instant.ofEpochMilli(millis))
                .event(new SecurityEvent.EventInfo(id, "event", List.of("network"), List.of("protocol"), "dns-query",
                        null, "pcap", "pcap.dns", null, null, null, null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(client, 53_000, null, null, null, null, null))
                .destination(new SecurityEvent.Endpoint(resolver, 53, null, null, null, null, null))
                .dns(new SecurityEvent.Dns("1", "query", "QUERY", name, type, "IN", null, null, null, null))
                .build();
    }

    /** Sorted by {@code @timestamp}, the order a source with no disorder delivers them. */
    public static List<SecurityEvent> byTime(List<SecurityEvent> events) {
        List<SecurityEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(SecurityEvent::timestamp));
        return sorted;
    }

    /** Drives one key of a detector directly, so a test can look at the state object. */
    public static final class KeyDriver<S extends Serializable> implements DetectorContext {
        private final KeyedDetector<S> detector;
        private final String key;
        public final List<Alert> alerts = new ArrayList<>();
        public final List<Long> timers = new ArrayList<>();
        public S state;
        private boolean cleared;

        public KeyDriver(KeyedDetector<S> detector, String key) {
            this.detector = detector;
            this.key = key;
            this.state = detector.newState();
        }

        public void accept(SecurityEvent e) {
            if (!key.equals(detector.key(e))) {
                throw new IllegalArgumentException("event of another key: " + detector.key(e));
            }
            detector.onEvent(e, state, this);
        }

        /** Fires the earliest pending timer; returns whether the state was cleared. */
        public boolean fireNextTimer() {
            long t = timers.stream().min(Long::compare).orElseThrow();
            timers.remove(t);
            cleared = false;
            detector.onTimer(t, state, this);
            return cleared;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long watermarkMillis() {
            return Long.MIN_VALUE;
        }

        @Override
        public void registerTimer(long eventTimeMillis) {
            if (!timers.contains(eventTimeMillis)) {
                timers.add(eventTimeMillis);
            }
        }

        @Override
        public void deleteTimer(long eventTimeMillis) {
            timers.remove(eventTimeMillis);
        }

        @Override
        public void emit(Alert alert) {
            alerts.add(alert);
        }

        @Override
        public void clearState() {
            cleared = true;
        }
    }
}
