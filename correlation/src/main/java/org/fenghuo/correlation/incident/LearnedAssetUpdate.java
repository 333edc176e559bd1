package org.fenghuo.correlation.incident;

/**
 * A change {@link LearnedAssets} made: what is now known about an address; when it was forgotten
 * (not observed for {@code forget_after}, or evicted to keep {@code max_hosts}), the same facts with
 * the moment they stop counting ({@link LearnedAsset#until}), so an alert from before then still
 * scores with them whenever it is taken.
 *
 * @param ip      the address (canonical text)
 * @param learned what is known now
 */
public record LearnedAssetUpdate(String ip, LearnedAsset learned) {
    public LearnedAssetUpdate {
        java.util.Objects.requireNonNull(learned, "learned");
    }

    /** Forgotten after {@code until}. */
    public static LearnedAssetUpdate forgotten(LearnedAsset learned, java.time.Instant until) {
        return new LearnedAssetUpdate(learned.ip(), learned.until(until));
    }

    public boolean isForgotten() {
        return learned.until() != null;
    }
}
