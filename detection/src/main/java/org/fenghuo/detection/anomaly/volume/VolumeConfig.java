package org.fenghuo.detection.anomaly.volume;

import java.time.Duration;
import java.util.List;
import org.fenghuo.detection.anomaly.thresholds.Loaded;
import org.fenghuo.detection.anomaly.thresholds.ThresholdReader;

/**
 * Thresholds of {@link VolumeBaselineDetector}; every setting, its YAML key, default and bounds is
 * declared once, in {@link #read}.
 *
 * @param bucket          {@code bucket} (5m): bytes are summed per host per bucket, aligned to the epoch
 * @param alpha           {@code alpha} (0.1): EWMA weight of the newest bucket in the mean and variance; 0.1
 *                        remembers about the last 10 buckets, so the baseline follows the daily rise and fall
 * @param k               {@code k} (4.0): a bucket is unusual above mean + k standard deviations
 * @param minRatio        {@code min_ratio} (3.0): ... and at least this many times the mean (a near-constant host has
 *                        a tiny deviation: 4 of it is no anomaly)
 * @param minBucketBytes  {@code min_bucket_bytes} (10MiB): ... and at least this many bytes (small hosts stay quiet)
 * @param warmupBuckets   {@code warmup_buckets} (288, one day of 5-minute buckets): buckets seen, empty ones
 *                        included, before a host is judged
 * @param suppress        {@code suppress} (1h): after an alert, none for the same host this long (one exfiltration
 *                        lasting an hour is one alert)
 * @param idleExpiry      {@code idle_expiry} (2d): a host without traffic this long is forgotten (its baseline too)
 * @param privateOnly     {@code private_only} (true): baseline only private addresses (RFC 1918, 100.64/10, fc00::/7),
 *                        the city's own assets; the internet's addresses would be keys without end
 * @param ignoreHosts     {@code ignore_hosts} ([]): host addresses never baselined (a backup server's nightly upload)
 */
public record VolumeConfig(Duration bucket, double alpha, double k, double minRatio, long minBucketBytes,
        int warmupBuckets, Duration suppress, Duration idleExpiry, boolean privateOnly, List<String> ignoreHosts) {

    public VolumeConfig {
        ignoreHosts = List.copyOf(ignoreHosts);
    }

    public static VolumeConfig defaults() {
        return read(ThresholdReader.defaults()).orThrow();
    }

    /** From a flat YAML mapping of the keys above; unknown keys and bad values are errors naming the key. */
    public static Loaded<VolumeConfig> fromYaml(String yaml, String source) {
        return read(ThresholdReader.parse(yaml, source));
    }

    static Loaded<VolumeConfig> read(ThresholdReader r) {
        VolumeConfig c = new VolumeConfig(
                r.duration("bucket", Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofDays(1)),
                r.decimal("alpha", 0.1, 0.001, 1.0),
                r.decimal("k", 4.0, 0.5, 100.0),
                r.decimal("min_ratio", 3.0, 1.0, 1_000.0),
                r.bytes("min_bucket_bytes", 10L << 20, 0, 1L << 50),
                r.integer("warmup_buckets", 288, 1, 100_000),
                r.duration("suppress", Duration.ofHours(1), Duration.ZERO, Duration.ofDays(30)),
                r.duration("idle_expiry", Duration.ofDays(2), Duration.ofMinutes(1), Duration.ofDays(90)),
                r.bool("private_only", true),
                r.lowerCaseList("ignore_hosts", List.of()));
        r.check(c.idleExpiry.compareTo(c.bucket) > 0, "idle_expiry", c.idleExpiry,
                "longer than bucket (" + c.bucket + ")");
        return r.result(() -> c);
    }
}
