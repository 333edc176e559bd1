package org.fenghuo.correlation.incident;

/**
 * What {@link LearnedAssets} did, for metrics ({@code fenghuo_learned_assets_*}).
 *
 * @param flowsObserved    flow or industrial-protocol events that taught something
 * @param eventsIgnored    events that are not an answered flow (another category, no answer, no address or port)
 * @param inventoryCovered observations skipped because the inventory lists the address
 * @param evictions        hosts dropped because {@code max_hosts} was reached
 * @param expired          hosts forgotten after {@code forget_after} without an observation
 */
public record LearnedAssetsCounters(long flowsObserved, long eventsIgnored, long inventoryCovered, long evictions,
        long expired) {
    public static final LearnedAssetsCounters ZERO = new LearnedAssetsCounters(0, 0, 0, 0, 0);
}
