package org.fenghuo.correlation.incident;

import java.time.Duration;
import java.util.List;

/**
 * How {@link LearnedAssets} learns (YAML {@code learned_assets:} in the incident settings).
 *
 * @param enabled     learn at all ({@code enabled}, default true)
 * @param maxHosts    hosts kept at most; the least recently observed is evicted and counted ({@code max_hosts}, 100000)
 * @param manyClients distinct clients that make a host a server of criticality 3 ({@code many_clients}, 20)
 * @param forgetAfter a host not observed for this long in event time is forgotten ({@code forget_after}, 7d)
 */
public record LearnedAssetSettings(boolean enabled, int maxHosts, int manyClients, Duration forgetAfter) {

    public static LearnedAssetSettings defaults() {
        return new LearnedAssetSettings(true, 100_000, 20, Duration.ofDays(7));
    }

    /** @throws IllegalArgumentException naming every bad value */
    public LearnedAssetSettings {
        List<String> problems = new java.util.ArrayList<>();
        if (maxHosts < 1) {
            problems.add("learned_assets.max_hosts = " + maxHosts + ": expected >= 1");
        }
        if (manyClients < 2) {
            problems.add("learned_assets.many_clients = " + manyClients + ": expected >= 2");
        }
        if (forgetAfter == null || forgetAfter.isNegative() || forgetAfter.isZero()) {
            problems.add("learned_assets.forget_after = " + forgetAfter + ": expected a duration > 0");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("learned asset settings", problems);
        }
    }

    static LearnedAssetSettings read(YamlNode node, ConfigReader in) {
        LearnedAssetSettings d = defaults();
        if (!in.isMapping(node, "learned_assets")) {
            return d;
        }
        String p = "learned_assets";
        in.onlyKeys(node, p, java.util.Set.of("enabled", "max_hosts", "many_clients", "forget_after"));
        return new LearnedAssetSettings(in.bool(node, p, "enabled", d.enabled()),
                in.integer(node, p, "max_hosts", d.maxHosts(), 1, 100_000_000),
                in.integer(node, p, "many_clients", d.manyClients(), 2, 1_000_000),
                in.duration(node, p, "forget_after", d.forgetAfter(), Duration.ofMinutes(1), Duration.ofDays(3650)));
    }
}
