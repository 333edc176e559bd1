package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fenghuo.events.Asset;

/**
 * The incident builder's copy of what {@link LearnedAssets} learned, kept current from its
 * {@link LearnedAssetUpdate}s, and answering as of one moment ({@link #asOf}): an alert is scored
 * with the asset as it was at the alert's time, not as it is when the alert is taken. A forgotten
 * asset stays, answering for the times before its end, until {@link #prune} drops it. Not thread-safe.
 */
public final class LearnedAssetTable implements AssetLookup {
    private final Map<String, LearnedAsset> byIp = new HashMap<>();
    /** Forgotten addresses by the end of their facts, for pruning. */
    private final TreeMap<Instant, Set<String>> ending = new TreeMap<>();
    private Instant asOf = Instant.MAX;

    public void apply(LearnedAssetUpdate update) {
        LearnedAsset before = byIp.put(update.ip(), update.learned());
        if (before != null && before.until() != null) {
            unindex(before.until(), update.ip());
        }
        if (update.learned().until() != null) {
            ending.computeIfAbsent(update.learned().until(), t -> new HashSet<>()).add(update.ip());
        }
    }

    /** Drops the forgotten assets whose facts ended before {@code t}; returns their addresses. */
    public List<String> prune(Instant t) {
        List<String> dropped = new ArrayList<>();
        while (!ending.isEmpty() && ending.firstKey().isBefore(t)) {
            for (String ip : ending.pollFirstEntry().getValue()) {
                byIp.remove(ip);
                dropped.add(ip);
            }
        }
        return dropped;
    }

    private void unindex(Instant until, String ip) {
        Set<String> ips = ending.get(until);
        if (ips != null && ips.remove(ip) && ips.isEmpty()) {
            ending.remove(until);
        }
    }

    /** Answers from now on as of {@code t}. */
    public void asOf(Instant t) {
        asOf = t;
    }

    @Override
    public Asset byIp(String ip) {
        if (byIp.isEmpty()) {
            return null;
        }
        IpPrefix p = IpPrefix.address(ip);
        LearnedAsset l = p == null ? null : byIp.get(p.addressText());
        return l == null ? null : l.at(asOf);
    }

    /** Host names are never learned from flows. */
    @Override
    public Asset byHostname(String hostname) {
        return null;
    }
}
