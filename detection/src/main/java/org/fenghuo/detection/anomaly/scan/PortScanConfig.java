package org.fenghuo.detection.anomaly.scan;

import java.time.Duration;
import java.util.List;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.detection.anomaly.thresholds.Loaded;
import org.fenghuo.detection.anomaly.thresholds.ThresholdReader;

/**
 * Thresholds of the port-scan detectors (YAML keys in brackets).
 *
 * @param window           [{@code window}] sliding window a scan must fit in; 60 s (nmap's default
 *                         timing scans 1,000 ports of one host in well under that; slower scans are
 *                         a limit of this detector)
 * @param minHosts         [{@code min_hosts}] distinct hosts probed on one port; 20
 * @param minPorts         [{@code min_ports}] distinct ports probed on one host; 20
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
        return read(ThresholdReader.defaults()).orThrow();
    }

    /** From a flat YAML mapping of the keys above; unknown keys and bad values are errors naming the key. */
    public static Loaded<PortScanConfig> fromYaml(String yaml, String source) {
        return read(ThresholdReader.parse(yaml, source));
    }

    static Loaded<PortScanConfig> read(ThresholdReader r) {
        Duration window = r.duration("window", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(24));
        int minHosts = r.integer("min_hosts", 20, 2, 65_536);
        int minPorts = r.integer("min_ports", 20, 2, 65_536);
        int maxTargets = r.integer("max_targets", 256, 2, 65_536);
        int maxGroups = r.integer("max_groups", 64, 1, 65_536);
        boolean completed = r.bool("count_completed", false);
        List<String> datasets = r.lowerCaseList("datasets", List.of("pcap.flow", "netflow.flow", "syslog.netfilter"));
        AddressSet ignored = AddressSet.read(r, "ignore_sources");
        int needed = Math.max(minHosts, minPorts);
        r.check(maxTargets >= needed, "max_targets", maxTargets, "at least min_hosts and min_ports (" + needed + ")");
        // result() builds even when there are errors (then discarded): keep the record's invariant
        int kept = Math.max(maxTargets, needed);
        return r.result(() -> new PortScanConfig(window, minHosts, minPorts, kept, maxGroups, completed, datasets,
                ignored));
    }
}
