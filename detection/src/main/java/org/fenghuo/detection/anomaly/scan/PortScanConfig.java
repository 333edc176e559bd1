package org.fenghuo.detection.anomaly.scan;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.detection.anomaly.support.SettingsReader;
import org.fenghuo.detection.anomaly.support.SettingsResult;

/**
 * Thresholds of the port-scan detectors (YAML keys in brackets).
 *
 * @param window           [{@code window}] sliding window a scan must fit in; 60 s (nmap's default
 *                         timing scans 1,000 ports of one host in well under that; slower scans are
 *                         a limit of this detector)
 * @param minHosts         [{@code horizontal.min_hosts}] distinct hosts probed on one port; 20
 * @param minPorts         [{@code vertical.min_ports}] distinct ports probed on one host; 20
 * @param maxTargets       [{@code max_targets}] distinct targets kept per port (horizontal) or per
 *                         host (vertical); 256, at least both thresholds; more are counted, not kept
 * @param maxGroups        [{@code max_groups}] ports (horizontal) or hosts (vertical) tracked per
 *                         source; 64, the least recently probed is dropped first
 * @param countCompleted   [{@code count_completed}] also count connections that completed (a
 *                         connect scan against open ports); false: only probes count
 * @param datasets         [{@code datasets}] {@code event.dataset}s read; pcap.flow, netflow.flow,
 *                         syslog.netfilter
 * @param ignoredSources   [{@code ignore_sources}] addresses/CIDRs never judged (the site's own
 *                         vulnerability scanner); none
 */
public record PortScanConfig(Duration window, int minHosts, int minPorts, int maxTargets, int maxGroups,
        boolean countCompleted, List<String> datasets, AddressSet ignoredSources) {
    static final List<String> DEFAULT_DATASETS = List.of("pcap.flow", "netflow.flow", "syslog.netfilter");
    private static final Set<String> KEYS = Set.of("window", "horizontal", "vertical", "max_targets", "max_groups",
            "count_completed", "datasets", "ignore_sources");

    public PortScanConfig {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        if (minHosts < 2 || minPorts < 2 || maxTargets < Math.max(minHosts, minPorts) || maxGroups < 1) {
            throw new IllegalArgumentException("need 2 <= min_hosts, min_ports <= max_targets and max_groups >= 1, got "
                    + minHosts + ", " + minPorts + ", " + maxTargets + ", " + maxGroups);
        }
        datasets = List.copyOf(datasets);
        ignoredSources = ignoredSources == null ? AddressSet.EMPTY : ignoredSources;
    }

    public static PortScanConfig defaults() {
        return new PortScanConfig(Duration.ofSeconds(60), 20, 20, 256, 64, false, DEFAULT_DATASETS, AddressSet.EMPTY);
    }

    public static SettingsResult<PortScanConfig> fromYaml(String where, String yaml) {
        return read(SettingsReader.ofYaml(where, yaml));
    }

    /** Reads the settings; a wrong value keeps its default and is reported. */
    public static SettingsResult<PortScanConfig> read(SettingsReader r) {
        PortScanConfig d = defaults();
        r.rejectUnknown(KEYS);
        Duration window = r.duration("window", d.window, Duration.ofSeconds(1), Duration.ofHours(24));
        SettingsReader h = r.child("horizontal");
        h.rejectUnknown(Set.of("min_hosts"));
        int minHosts = h.intIn("min_hosts", d.minHosts, 2, 65_536);
        SettingsReader v = r.child("vertical");
        v.rejectUnknown(Set.of("min_ports"));
        int minPorts = v.intIn("min_ports", d.minPorts, 2, 65_536);
        int maxTargets = r.intIn("max_targets", d.maxTargets, 2, 65_536);
        if (maxTargets < Math.max(minHosts, minPorts)) {
            r.problem("max_targets", maxTargets, "at least horizontal.min_hosts and vertical.min_ports ("
                    + Math.max(minHosts, minPorts) + ")");
            maxTargets = Math.max(d.maxTargets, Math.max(minHosts, minPorts));
        }
        int maxGroups = r.intIn("max_groups", d.maxGroups, 1, 65_536);
        boolean completed = r.bool("count_completed", d.countCompleted);
        List<String> datasets = r.list("datasets", d.datasets, "a dataset name",
                n -> n.isTextual() && !n.textValue().isBlank() ? n.textValue().trim() : null);
        return r.result(new PortScanConfig(window, minHosts, minPorts, maxTargets, maxGroups, completed, datasets,
                r.addresses("ignore_sources")));
    }
}
