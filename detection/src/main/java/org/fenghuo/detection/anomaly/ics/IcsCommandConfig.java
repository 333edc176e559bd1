package org.fenghuo.detection.anomaly.ics;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.detection.anomaly.thresholds.Loaded;
import org.fenghuo.detection.anomaly.thresholds.ThresholdReader;

/**
 * Settings of the ICS command detector (flat YAML keys in brackets; {@code <p>} is one of
 * {@code modbus}, {@code dnp3}, {@code s7comm}, {@code iec104}).
 *
 * @param window        [{@code window}] one alert per source, destination and function within it; 10 min
 * @param allow         [{@code allow}] engineering workstations for every protocol; none, so out of
 *                      the box every control function alerts until the site lists its workstations
 * @param protocols     [{@code <p>_allow}: more workstations for that protocol; {@code <p>_functions}:
 *                      replaces the default control functions (codes, ranges {@code 45-69}, names);
 *                      {@code modbus_functions_when_write}] per {@code fenghuo.ics.protocol}
 * @param maxSuppressed [{@code max_suppressed}] suppression entries kept per source; 1024, the
 *                      oldest goes first (it may then alert again)
 */
public record IcsCommandConfig(Duration window, AddressSet allow, Map<String, ProtocolPolicy> protocols,
        int maxSuppressed) {
    /**
     * Control functions by default:
     * <ul>
     * <li>modbus: 5, 6, 15, 16 (write coils/registers), 21 (write file record), 22 (mask write),
     * 23 (read/write registers); 8 (diagnostics) only when the decoder marked it a write (restart
     * communications, force listen-only);</li>
     * <li>dnp3: 2 write, 3 select, 4 operate, 5/6 direct operate, 13/14 cold/warm restart, 15
     * initialize data, 16/17/18 initialize/start/stop application, 19 save configuration, 21
     * disable unsolicited, 27 delete file, 31 activate configuration (freezes and time sync are
     * routine and left out);</li>
     * <li>s7comm (by name): write-var, request-download, download-block, download-ended, pi-service,
     * plc-stop;</li>
     * <li>iec104: type ids 45-69 (process commands C_SC..C_BO, with and without time), 103 clock
     * synchronisation, 105 reset process, 110-113 parameter loading (interrogations 100/101, read
     * 102 and tests 104/107 are what a monitoring station sends all day, and are left out).</li>
     * </ul>
     */
    private static final Map<String, List<String>> DEFAULT_FUNCTIONS = Map.of(
            "modbus", List.of("5", "6", "15", "16", "21", "22", "23"),
            "dnp3", List.of("2-6", "13-19", "21", "27", "31"),
            "s7comm", List.of("write-var", "request-download", "download-block", "download-ended", "pi-service",
                    "plc-stop"),
            "iec104", List.of("45-69", "103", "105", "110-113"));
    private static final List<String> PROTOCOLS = List.of("modbus", "dnp3", "s7comm", "iec104");

    public IcsCommandConfig {
        allow = allow == null ? AddressSet.EMPTY : allow;
        protocols = Map.copyOf(protocols);
        if (window.isNegative() || window.isZero() || maxSuppressed < 1) {
            throw new IllegalArgumentException("need a positive window and max_suppressed >= 1");
        }
    }

    public static IcsCommandConfig defaults() {
        return read(ThresholdReader.defaults()).orThrow();
    }

    /** From a flat YAML mapping of the keys above; unknown keys and bad values are errors naming the key. */
    public static Loaded<IcsCommandConfig> fromYaml(String yaml, String source) {
        return read(ThresholdReader.parse(yaml, source));
    }

    static Loaded<IcsCommandConfig> read(ThresholdReader r) {
        Duration window = r.duration("window", Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofDays(7));
        AddressSet allow = AddressSet.read(r, "allow");
        int max = r.integer("max_suppressed", 1024, 1, 1_000_000);
        Map<String, ProtocolPolicy> protocols = new LinkedHashMap<>();
        for (String p : PROTOCOLS) {
            AddressSet pAllow = AddressSet.read(r, p + "_allow");
            Set<Integer> codes = new HashSet<>();
            Set<String> names = new HashSet<>();
            String key = p + "_functions";
            for (String f : r.lowerCaseList(key, DEFAULT_FUNCTIONS.get(p))) {
                int[] range = range(f);
                r.check(range == null || range[0] <= range[1], key, f, "function codes 0-65535, ranges a-b or names");
                if (range == null) {
                    names.add(f);
                } else {
                    for (int c = range[0]; c <= range[1]; c++) {
                        codes.add(c);
                    }
                }
            }
            Set<Integer> whenWrite = p.equals("modbus")
                    ? Set.copyOf(r.integerList("modbus_functions_when_write", List.of(8), 0, 255)) : Set.of();
            protocols.put(p, new ProtocolPolicy(pAllow, codes, names, whenWrite));
        }
        return r.result(() -> new IcsCommandConfig(window, allow, protocols, max));
    }

    /** {from, to} for {@code 6} or {@code 45-69} (from > to when out of range); null for a name. */
    private static int[] range(String f) {
        if (f.isEmpty() || !f.chars().allMatch(ch -> ch == '-' || Character.isDigit(ch))) {
            return null;
        }
        String[] parts = f.split("-", -1);
        if (parts.length > 2 || parts[0].isEmpty() || parts[parts.length - 1].isEmpty()
                || parts[0].length() > 5 || parts[parts.length - 1].length() > 5) {
            return new int[] {1, 0};
        }
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[parts.length - 1]);
        return a <= b && b <= 65_535 ? new int[] {a, b} : new int[] {1, 0};
    }

    /** The policy of a protocol with the global allowlist folded in, or null when not watched. */
    ProtocolPolicy policy(String protocol) {
        ProtocolPolicy p = protocols.get(protocol);
        return p == null ? null : p.withAllow(allow.plus(p.allow()));
    }

    /** Protocols watched. */
    public List<String> protocolNames() {
        return PROTOCOLS.stream().filter(protocols::containsKey).toList();
    }
}
