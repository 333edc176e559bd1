package org.fenghuo.correlation.incident;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How {@link LearnedAssets} learns (YAML {@code learned_assets:} in the incident settings).
 *
 * @param enabled     learn at all ({@code enabled}, default true)
 * @param maxHosts    hosts kept at most; the least recently observed is evicted and counted ({@code max_hosts}, 100000)
 * @param manyClients distinct clients that make a host a server of criticality 3 ({@code many_clients}, 20)
 * @param forgetAfter a host not observed for this long in event time is forgotten ({@code forget_after}, 7d)
 * @param networks    addresses and blocks of the city's own hosts, the only ones learned ({@code networks},
 *                    default the private ranges: an internet address is nobody's asset)
 */
public record LearnedAssetSettings(boolean enabled, int maxHosts, int manyClients, Duration forgetAfter,
        List<String> networks) {
    public static final List<String> PRIVATE_NETWORKS = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "fc00::/7");

    public static LearnedAssetSettings defaults() {
        return new LearnedAssetSettings(true, 100_000, 20, Duration.ofDays(7), PRIVATE_NETWORKS);
    }

    /** The private ranges as {@code networks}. */
    public LearnedAssetSettings(boolean enabled, int maxHosts, int manyClients, Duration forgetAfter) {
        this(enabled, maxHosts, manyClients, forgetAfter, PRIVATE_NETWORKS);
    }

    /** @throws ConfigException naming every bad value */
    public LearnedAssetSettings {
        networks = networks == null ? PRIVATE_NETWORKS : List.copyOf(networks);
        List<String> problems = new ArrayList<>();
        if (maxHosts < 1) {
            problems.add("learned_assets.max_hosts = " + maxHosts + ": expected >= 1");
        }
        if (manyClients < 2) {
            problems.add("learned_assets.many_clients = " + manyClients + ": expected >= 2");
        }
        if (forgetAfter == null || forgetAfter.isNegative() || forgetAfter.isZero()) {
            problems.add("learned_assets.forget_after = " + forgetAfter + ": expected a duration > 0");
        }
        for (String n : networks) {
            IpPrefix p = IpPrefix.parse(n);
            if (p == null || !p.isNetwork()) {
                problems.add("learned_assets.networks: '" + n + "' is not an address or a block like 10.0.0.0/8");
            }
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
        in.onlyKeys(node, p, Set.of("enabled", "max_hosts", "many_clients", "forget_after", "networks"));
        YamlNode listed = ConfigReader.child(node, "networks");
        List<String> networks = listed == null ? d.networks() : new ArrayList<>();
        if (listed != null) {
            for (String n : in.strings(node, p, "networks")) {
                IpPrefix block = IpPrefix.parse(n);
                if (block == null || !block.isNetwork()) {
                    in.problem(listed.line(), p + ".networks", n, "an address or a block like 10.0.0.0/8");
                } else {
                    networks.add(n);
                }
            }
        }
        return new LearnedAssetSettings(in.bool(node, p, "enabled", d.enabled()),
                in.integer(node, p, "max_hosts", d.maxHosts(), 1, 100_000_000),
                in.integer(node, p, "many_clients", d.manyClients(), 2, 1_000_000),
                in.duration(node, p, "forget_after", d.forgetAfter(), Duration.ofMinutes(1), Duration.ofDays(3650)),
                networks);
    }
}
