package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@link LearnedAssets} holds, as data: what a checkpoint stores and a restore reads.
 *
 * @param hosts     least recently observed first (the eviction order)
 * @param watermark the last watermark seen, null before the first
 * @param counters  the counters, so metrics continue after a restore
 */
public record LearnedAssetsState(List<LearnedHost> hosts, Instant watermark, LearnedAssetsCounters counters) {
    public LearnedAssetsState {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        counters = counters == null ? LearnedAssetsCounters.ZERO : counters;
    }
}
