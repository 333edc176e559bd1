package org.fenghuo.detection.anomaly.dns;

import java.time.Duration;
import java.util.List;
import org.fenghuo.detection.anomaly.thresholds.Loaded;
import org.fenghuo.detection.anomaly.thresholds.ThresholdReader;

/**
 * Thresholds of {@link DnsTunnelDetector}; every setting, its YAML key, default and bounds is
 * declared once, in {@link #read}. Counts are per source and parent domain per window.
 *
 * @param window               {@code window} (10m): tumbling window, started by the pair's first query
 * @param minQueries           {@code min_queries} (20): queries before anything is judged
 * @param minUniqueSubdomains  {@code min_unique_subdomains} (40): distinct subdomains worth 2 points; a tunnel must
 *                             make every name new to get past resolver caches, normal browsing repeats a few names
 * @param longSubdomainLength  {@code long_subdomain_length} (40): a subdomain part this long (characters, dots
 *                             included) is "long"; encoded payload fills labels, host names rarely pass 30
 * @param minLongFraction      {@code min_long_fraction} (0.5): share of long queries worth 1 point
 * @param minMeanEntropy       {@code min_mean_entropy} (3.5): mean Shannon entropy of the subdomain characters, bits
 *                             per character, worth 1 point (base32 payloads give about 4.3, hex about 3.8, words under 3)
 * @param highQueryCount       {@code high_query_count} (300): queries worth 1 point
 * @param tunnelTypes          {@code tunnel_types} ([txt, null, cname, mx, private]): query types that carry payload back
 * @param minTunnelTypeFraction {@code min_tunnel_type_fraction} (0.3): share of those types worth 1 point
 * @param minScore             {@code min_score} (4 of 6): alert threshold: many unique names plus two more signs, or all
 *                             four other signs together
 * @param maxTrackedSubdomains {@code max_tracked_subdomains} (1024): distinct subdomain hashes kept per window; beyond
 *                             it the count stops growing (already far above any threshold)
 * @param ignoreParents        {@code ignore_parents} ([]): parents never judged, e.g. an anti-virus vendor's lookup zone
 */
public record DnsTunnelConfig(Duration window, int minQueries, int minUniqueSubdomains, int longSubdomainLength,
        double minLongFraction, double minMeanEntropy, int highQueryCount, List<String> tunnelTypes,
        double minTunnelTypeFraction, int minScore, int maxTrackedSubdomains, List<String> ignoreParents) {

    /** Points available: unique subdomains 2, long names, entropy, volume and query types 1 each. */
    public static final int MAX_SCORE = 6;

    public DnsTunnelConfig {
        tunnelTypes = List.copyOf(tunnelTypes);
        ignoreParents = List.copyOf(ignoreParents);
    }

    public static DnsTunnelConfig defaults() {
        return read(ThresholdReader.defaults()).orThrow();
    }

    /** From a flat YAML mapping of the keys above; unknown keys and bad values are errors naming the key. */
    public static Loaded<DnsTunnelConfig> fromYaml(String yaml, String source) {
        return read(ThresholdReader.parse(yaml, source));
    }

    static Loaded<DnsTunnelConfig> read(ThresholdReader r) {
        DnsTunnelConfig c = new DnsTunnelConfig(
                r.duration("window", Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofDays(1)),
                r.integer("min_queries", 20, 1, 1_000_000),
                r.integer("min_unique_subdomains", 40, 2, 1_000_000),
                r.integer("long_subdomain_length", 40, 8, 253),
                r.decimal("min_long_fraction", 0.5, 0.0, 1.0),
                r.decimal("min_mean_entropy", 3.5, 0.0, 8.0),
                r.integer("high_query_count", 300, 1, 10_000_000),
                r.lowerCaseList("tunnel_types", List.of("txt", "null", "cname", "mx", "private")),
                r.decimal("min_tunnel_type_fraction", 0.3, 0.0, 1.0),
                r.integer("min_score", 4, 1, MAX_SCORE),
                r.integer("max_tracked_subdomains", 1024, 16, 1_000_000),
                r.lowerCaseList("ignore_parents", List.of()));
        r.check(c.minUniqueSubdomains <= c.maxTrackedSubdomains, "min_unique_subdomains", c.minUniqueSubdomains,
                "at most max_tracked_subdomains (" + c.maxTrackedSubdomains + ")");
        return r.result(() -> c);
    }
}
