package org.fenghuo.detection.anomaly.ics;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.detection.anomaly.support.SettingsReader;
import org.fenghuo.detection.anomaly.support.SettingsResult;

/**
 * Settings of the ICS command detector (YAML keys in brackets).
 *
 * @param window        [{@code window}] one alert per source, destination and function within it; 10 min
 * @param allow         [{@code allow}] engineering workstations for every protocol; none, so out of
 *                      the box every control function alerts until the site lists its workstations
 * @param protocols     [{@code protocols.<name>.allow / functions / functions_when_write}] per
 *                      protocol ({@code fenghuo.ics.protocol}); see {@link #defaults()}
 * @param maxSuppressed [{@code max_suppressed}] suppression entries kept per source; 1024, the
 *                      oldest goes first (it may then alert again)
 */
public record IcsCommandConfig(Duration window, AddressSet allow, Map<String, ProtocolPolicy> protocols,
        int maxSuppressed) {
    private static final Set<String> KEYS = Set.of("window", "allow", "protocols", "max_suppressed");
    private static final Set<String> PROTOCOL_KEYS = Set.of("allow", "functions", "functions_when_write");

    public IcsCommandConfig {
        allow = allow == null ? AddressSet.EMPTY : allow;
        protocols = Map.copyOf(protocols);
        if (window.isNegative() || window.isZero() || maxSuppressed < 1) {
            throw new IllegalArgumentException("need a positive window and max_suppressed >= 1");
        }
    }

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
    public static IcsCommandConfig defaults() {
        Map<String, ProtocolPolicy> p = new LinkedHashMap<>();
        p.put("modbus", new ProtocolPolicy(null, Set.of(5, 6, 15, 16, 21, 22, 23), Set.of(), Set.of(8)));
        p.put("dnp3", new ProtocolPolicy(null, Set.of(2, 3, 4, 5, 6, 13, 14, 15, 16, 17, 18, 19, 21, 27, 31),
                Set.of(), Set.of()));
        p.put("s7comm", new ProtocolPolicy(null, Set.of(), Set.of("write-var", "request-download", "download-block",
                "download-ended", "pi-service", "plc-stop"), Set.of()));
        Set<Integer> iec = new HashSet<>();
        IntStream.rangeClosed(45, 69).forEach(iec::add);
        iec.addAll(List.of(103, 105, 110, 111, 112, 113));
        p.put("iec104", new ProtocolPolicy(null, iec, Set.of(), Set.of()));
        return new IcsCommandConfig(Duration.ofMinutes(10), AddressSet.EMPTY, p, 1024);
    }

    public static SettingsResult<IcsCommandConfig> fromYaml(String where, String yaml) {
        return read(SettingsReader.ofYaml(where, yaml));
    }

    /**
     * Reads the settings. A protocol section replaces only the keys it names: {@code allow} adds
     * workstations, {@code functions} replaces the default list; a protocol the defaults do not
     * know needs {@code functions}.
     */
    public static SettingsResult<IcsCommandConfig> read(SettingsReader r) {
        IcsCommandConfig d = defaults();
        r.rejectUnknown(KEYS);
        Duration window = r.duration("window", d.window, Duration.ofSeconds(1), Duration.ofDays(7));
        AddressSet allow = r.addresses("allow");
        int max = r.intIn("max_suppressed", d.maxSuppressed, 1, 1_000_000);
        Map<String, ProtocolPolicy> protocols = new LinkedHashMap<>(d.protocols);
        SettingsReader all = r.child("protocols");
        for (String name : all.keys()) {
            SettingsReader p = all.child(name);
            p.rejectUnknown(PROTOCOL_KEYS);
            ProtocolPolicy base = protocols.getOrDefault(name, new ProtocolPolicy(null, Set.of(), Set.of(), Set.of()));
            AddressSet pAllow = p.addresses("allow");
            Set<Integer> codes = base.codes();
            Set<String> names = base.names();
            if (p.has("functions")) {
                codes = new HashSet<>();
                names = new HashSet<>();
                for (Object f : p.list("functions", List.of(), "a function code, a range 'a-b' or a function name",
                        IcsCommandConfig::function)) {
                    if (f instanceof int[] range) {
                        for (int c = range[0]; c <= range[1]; c++) {
                            codes.add(c);
                        }
                    } else {
                        names.add((String) f);
                    }
                }
            } else if (!protocols.containsKey(name)) {
                p.problem("functions", "(missing)", "a list of functions for protocol '" + name
                        + "', which has no default list");
            }
            Set<Integer> whenWrite = p.has("functions_when_write")
                    ? new HashSet<>(p.list("functions_when_write", List.of(), "a function code from 0 to 255",
                            n -> n.isIntegralNumber() && n.intValue() >= 0 && n.intValue() <= 255 ? n.intValue() : null))
                    : base.codesWhenWrite();
            protocols.put(name, new ProtocolPolicy(base.allow().plus(pAllow), codes, names, whenWrite));
        }
        return r.result(new IcsCommandConfig(window, allow, protocols, max));
    }

    /** An int[]{from, to} for a code or range, a String for a name, null when neither. */
    private static Object function(JsonNode n) {
        if (n.isIntegralNumber()) {
            int c = n.intValue();
            return c >= 0 && c <= 65_535 ? new int[] {c, c} : null;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            return null;
        }
        String s = n.textValue().trim();
        int dash = s.indexOf('-');
        if (dash > 0 && s.chars().allMatch(ch -> ch == '-' || Character.isDigit(ch)) && s.length() <= 11) {
            String[] parts = s.split("-");
            if (parts.length != 2 || parts[1].isEmpty()) {
                return null;
            }
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            return a <= b && b <= 65_535 ? new int[] {a, b} : null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            int c = s.length() <= 5 ? Integer.parseInt(s) : Integer.MAX_VALUE;
            return c <= 65_535 ? new int[] {c, c} : null;
        }
        return s;
    }

    /** The policy of a protocol with the global allowlist folded in, or null when not watched. */
    ProtocolPolicy policy(String protocol) {
        ProtocolPolicy p = protocols.get(protocol);
        return p == null ? null : p.withAllow(allow.plus(p.allow()));
    }

    /** Protocols watched, for the README and tests. */
    public List<String> protocolNames() {
        return new ArrayList<>(protocols.keySet());
    }
}
