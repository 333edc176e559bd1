package org.fenghuo.correlation.incident;

/**
 * A change {@link LearnedAssets} made: what is now known about an address, or that it was forgotten
 * (not observed for {@code forget_after}, or evicted to keep {@code max_hosts}).
 *
 * @param ip      the address (canonical text)
 * @param learned what is known now, or null when forgotten
 */
public record LearnedAssetUpdate(String ip, LearnedAsset learned) {
    public static LearnedAssetUpdate forgotten(String ip) {
        return new LearnedAssetUpdate(ip, null);
    }
}
