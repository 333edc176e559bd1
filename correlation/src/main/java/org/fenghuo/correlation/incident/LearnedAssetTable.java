package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.fenghuo.events.Asset;

/**
 * The incident builder's copy of what {@link LearnedAssets} learned, kept current from its
 * {@link LearnedAssetUpdate}s, and answering as of one moment ({@link #asOf}): an alert is scored
 * with the asset as it was at the alert's time, not as it is when the alert is taken. Not thread-safe.
 */
public final class LearnedAssetTable implements AssetLookup {
    private final Map<String, LearnedAsset> byIp = new HashMap<>();
    private Instant asOf = Instant.MAX;

    public void apply(LearnedAssetUpdate update) {
        if (update.learned() == null) {
            byIp.remove(update.ip());
        } else {
            byIp.put(update.ip(), update.learned());
        }
    }

    /** Answers from now on as of {@code t}. */
    public void asOf(Instant t) {
        asOf = t;
    }

    public void clear() {
        byIp.clear();
    }

    public int size() {
        return byIp.size();
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
