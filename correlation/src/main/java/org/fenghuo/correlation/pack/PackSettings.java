package org.fenghuo.correlation.pack;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.settings.SettingsCheck;
import org.fenghuo.detection.anomaly.support.AddressSet;

/**
 * Settings of the built-in correlation pack (keys in brackets). Every problem is reported at once,
 * each naming its key, the value and what was expected.
 *
 * @param intrusionWindow    [{@code pack.intrusion_window}] scan, brute force and login must all fall
 *                           inside it; 1 h
 * @param c2Window           [{@code pack.c2_window}] a threat-intel hit of a host and its beaconing at
 *                           most this far apart; 12 h (the beaconing detector needs 8 calls, an hourly
 *                           beacon takes 7 h)
 * @param icsWindow          [{@code pack.ics_window}] a remote session to an engineering host and an ICS
 *                           write from that host at most this far apart; 30 min
 * @param exfiltrationWindow [{@code pack.exfiltration_window}] DNS tunnelling and unusual egress of one
 *                           host at most this far apart, either first; 1 h
 * @param lateralWindow      [{@code pack.lateral_window}] sliding window of the lateral-movement count;
 *                           10 min
 * @param lateralMinHosts    [{@code pack.lateral_min_hosts}] distinct hosts one internal host logs in to
 *                           within the window; 5
 * @param engineeringHosts   [{@code pack.engineering_hosts}] addresses/CIDRs of the engineering
 *                           workstations (remote sessions to them are marked); none: the ICS rule is
 *                           deployed but cannot fire until the site lists them
 * @param criticalAssets     [{@code pack.critical_assets}] addresses/CIDRs of the PLCs, RTUs and
 *                           controllers whose writes count; none, as above
 * @param internalNetworks   [{@code pack.internal_networks}] addresses/CIDRs of the city's own hosts
 *                           (the lateral-movement source must be one); RFC 1918, RFC 6598 and fc00::/7
 * @param remoteSessionPorts [{@code pack.remote_session_ports}] TCP ports of remote sessions: SSH 22,
 *                           telnet 23, RDP 3389, VNC 5900, WinRM 5985/5986
 */
public record PackSettings(Duration intrusionWindow, Duration c2Window, Duration icsWindow,
        Duration exfiltrationWindow, Duration lateralWindow, int lateralMinHosts, List<String> engineeringHosts,
        List<String> criticalAssets, List<String> internalNetworks, List<Integer> remoteSessionPorts)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Windows are EPL {@code #time} views and replay spans: a week bounds what a restore replays. */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    public static final List<String> DEFAULT_INTERNAL_NETWORKS = List.of("10.0.0.0/8", "172.16.0.0/12",
            "192.168.0.0/16", "100.64.0.0/10", "fc00::/7");
    public static final List<Integer> DEFAULT_REMOTE_SESSION_PORTS = List.of(22, 23, 3389, 5900, 5985, 5986);

    /** @throws IllegalArgumentException listing every bad value with its key */
    public PackSettings {
        engineeringHosts = engineeringHosts == null ? List.of() : List.copyOf(engineeringHosts);
        criticalAssets = criticalAssets == null ? List.of() : List.copyOf(criticalAssets);
        internalNetworks = internalNetworks == null ? DEFAULT_INTERNAL_NETWORKS : List.copyOf(internalNetworks);
        remoteSessionPorts = remoteSessionPorts == null ? DEFAULT_REMOTE_SESSION_PORTS
                : List.copyOf(remoteSessionPorts);
        List<String> problems = new ArrayList<>();
        window("pack.intrusion_window", intrusionWindow, problems);
        window("pack.c2_window", c2Window, problems);
        window("pack.ics_window", icsWindow, problems);
        window("pack.exfiltration_window", exfiltrationWindow, problems);
        window("pack.lateral_window", lateralWindow, problems);
        if (lateralMinHosts < 2 || lateralMinHosts > 10_000) {
            problems.add("pack.lateral_min_hosts = " + lateralMinHosts + ": expected 2 to 10000");
        }
        addresses("pack.engineering_hosts", engineeringHosts, problems);
        addresses("pack.critical_assets", criticalAssets, problems);
        addresses("pack.internal_networks", internalNetworks, problems);
        if (remoteSessionPorts.isEmpty()) {
            problems.add("pack.remote_session_ports = []: expected at least one TCP port");
        }
        for (Integer p : remoteSessionPorts) {
            if (p == null || p < 1 || p > 65_535) {
                problems.add("pack.remote_session_ports: " + p + ": expected a TCP port 1-65535");
            }
        }
        SettingsCheck.throwIfAny("correlation pack settings", problems);
    }

    /** The documented defaults: no engineering hosts and no critical assets yet. */
    public static PackSettings defaults() {
        return new PackSettings(Duration.ofHours(1), Duration.ofHours(12), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofMinutes(10), 5, List.of(), List.of(), DEFAULT_INTERNAL_NETWORKS,
                DEFAULT_REMOTE_SESSION_PORTS);
    }

    /** These settings with the site's engineering workstations and critical assets. */
    public PackSettings withIcsAssets(List<String> engineering, List<String> critical) {
        return new PackSettings(intrusionWindow, c2Window, icsWindow, exfiltrationWindow, lateralWindow,
                lateralMinHosts, engineering, critical, internalNetworks, remoteSessionPorts);
    }

    /** These settings with another lateral-movement threshold and window. */
    public PackSettings withLateral(int minHosts, Duration window) {
        return new PackSettings(intrusionWindow, c2Window, icsWindow, exfiltrationWindow, window, minHosts,
                engineeringHosts, criticalAssets, internalNetworks, remoteSessionPorts);
    }

    AddressSet engineering() {
        return AddressSet.of(engineeringHosts);
    }

    AddressSet critical() {
        return AddressSet.of(criticalAssets);
    }

    AddressSet internal() {
        return AddressSet.of(internalNetworks);
    }

    private static void window(String key, Duration d, List<String> problems) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(MAX_WINDOW) > 0) {
            problems.add(key + " = " + d + ": expected a duration from 1s to " + MAX_WINDOW.toDays() + "d");
        }
    }

    private static void addresses(String key, List<String> entries, List<String> problems) {
        for (String e : entries) {
            if (!AddressSet.isValid(e)) {
                problems.add(key + ": '" + e + "': expected an IP address or CIDR block (a name is never resolved)");
            }
        }
    }
}
