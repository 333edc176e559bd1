package org.fenghuo.detection.anomaly.beacon;

import java.time.Duration;
import java.util.List;
import org.fenghuo.detection.anomaly.thresholds.Loaded;
import org.fenghuo.detection.anomaly.thresholds.ThresholdReader;

/**
 * Thresholds of {@link BeaconDetector}. Every setting, its YAML key, default and bounds is declared
 * once, in {@link #read}.
 *
 * @param minConnections      {@code min_connections} (8): connections of one pair inside {@code window} before it is judged;
 *                            fewer intervals make the median and MAD meaningless
 * @param maxTimestamps       {@code max_timestamps} (32): connection starts kept per pair (the newest); bounds state
 * @param window              {@code window} (6h): only starts this close to the newest count; long enough for
 *                            an hourly beacon to reach {@code min_connections}
 * @param minInterval         {@code min_interval} (10s): a median interval below this is a session of parallel or
 *                            back-to-back connections, not a beacon
 * @param maxIntervalMadRatio {@code max_interval_mad_ratio} (0.10): MAD of the intervals / their median at most this;
 *                            a ±10 % uniformly jittered sleep gives about 0.05, human browsing 0.5 or more
 * @param maxSizeMadRatio     {@code max_size_mad_ratio} (0.20): MAD of the bytes per connection / their median at most
 *                            this for the sizes to count as regular; null sizes are left out
 * @param requireRegularSize  {@code require_regular_size} (false): alert only when sizes are regular too (otherwise
 *                            regular sizes raise the severity to high)
 * @param byDestinationPort   {@code by_destination_port} (true): a pair is (source, destination, port), not
 *                            (source, destination)
 * @param maxPairsPerSource   {@code max_pairs_per_source} (256): pairs tracked per source; beyond it the pair with the
 *                            fewest starts (then the longest idle) is dropped
 * @param suppress            {@code suppress} (6h): after an alert on a pair, no other for it this long
 * @param ignoreDestinationPorts {@code ignore_destination_ports} ([53, 123]): DNS and NTP are periodic by design
 * @param ignoreDestinations {@code ignore_destinations} ([]): destination addresses never judged (a monitoring
 *                            collector, an update server), written as the events write them
 */
public record BeaconConfig(int minConnections, int maxTimestamps, Duration window, Duration minInterval,
        double maxIntervalMadRatio, double maxSizeMadRatio, boolean requireRegularSize, boolean byDestinationPort,
        int maxPairsPerSource, Duration suppress, List<Integer> ignoreDestinationPorts, List<String> ignoreDestinations) {

    public BeaconConfig {
        ignoreDestinationPorts = List.copyOf(ignoreDestinationPorts);
        ignoreDestinations = List.copyOf(ignoreDestinations);
    }

    public static BeaconConfig defaults() {
        return read(ThresholdReader.defaults()).orThrow();
    }

    /** From a flat YAML mapping of the keys above; unknown keys and bad values are errors naming the key. */
    public static Loaded<BeaconConfig> fromYaml(String yaml, String source) {
        return read(ThresholdReader.parse(yaml, source));
    }

    static Loaded<BeaconConfig> read(ThresholdReader r) {
        BeaconConfig c = new BeaconConfig(
                r.integer("min_connections", 8, 4, 1_000),
                r.integer("max_timestamps", 32, 4, 1_000),
                r.duration("window", Duration.ofHours(6), Duration.ofMinutes(1), Duration.ofDays(7)),
                r.duration("min_interval", Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofDays(1)),
                r.decimal("max_interval_mad_ratio", 0.10, 0.0, 1.0),
                r.decimal("max_size_mad_ratio", 0.20, 0.0, 10.0),
                r.bool("require_regular_size", false),
                r.bool("by_destination_port", true),
                r.integer("max_pairs_per_source", 256, 1, 100_000),
                r.duration("suppress", Duration.ofHours(6), Duration.ZERO, Duration.ofDays(30)),
                r.integerList("ignore_destination_ports", List.of(53, 123), 0, 65_535),
                r.lowerCaseList("ignore_destinations", List.of()));
        r.check(c.minConnections <= c.maxTimestamps, "min_connections", c.minConnections,
                "at most max_timestamps (" + c.maxTimestamps + ")");
        return r.result(() -> c);
    }
}
