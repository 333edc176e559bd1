package org.fenghuo.collectors.netflow;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A snapshot of one NetFlow/IPFIX input's counters (see {@link NetflowMetrics}), for status lines and tests.
 *
 * @param malformedByKind problems by reason, only non-zero entries
 */
public record NetflowStats(String input, long received, long records, long optionsRecords,
        Map<NetflowErrorKind, Long> malformedByKind, long deadLettered, long lostFlows, long templates,
        long templatesActive, long pending) {

    public NetflowStats {
        malformedByKind = Map.copyOf(malformedByKind);
    }

    public long malformed() {
        return malformedByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public long malformed(NetflowErrorKind kind) {
        return malformedByKind.getOrDefault(kind, 0L);
    }

    /** One line, e.g. {@code netflow: datagrams=92 records=310 options=12 malformed=2 (bad_template=2) ...}. */
    public String toStatusLine() {
        String kinds = malformedByKind.isEmpty() ? "" : malformedByKind.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().tag() + "=" + e.getValue())
                .collect(Collectors.joining(" ", " (", ")"));
        return input + ": datagrams=" + received + " records=" + records + " options=" + optionsRecords
                + " malformed=" + malformed() + kinds + " dead_lettered=" + deadLettered + " lost_flows=" + lostFlows
                + " templates=" + templates + " pending=" + pending;
    }
}
