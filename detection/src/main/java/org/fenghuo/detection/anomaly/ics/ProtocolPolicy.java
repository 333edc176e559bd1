package org.fenghuo.detection.anomaly.ics;

import java.util.Locale;
import java.util.Set;
import org.fenghuo.detection.anomaly.support.AddressSet;

/**
 * One ICS protocol's rule: which functions are control functions, and which hosts may send them.
 *
 * @param allow          engineering workstations for this protocol (added to the global allowlist)
 * @param codes          {@code fenghuo.ics.function_code}s that are control functions
 * @param names          {@code fenghuo.ics.function} names that are, lower case (S7comm: its userdata and job
 *                       functions share code values, names do not)
 * @param codesWhenWrite codes that count only when the decoder set {@code fenghuo.ics.write}
 *                       (Modbus 8 diagnostics: only sub-functions 1 restart and 4 listen-only)
 */
public record ProtocolPolicy(AddressSet allow, Set<Integer> codes, Set<String> names, Set<Integer> codesWhenWrite) {
    public ProtocolPolicy {
        allow = allow == null ? AddressSet.EMPTY : allow;
        codes = Set.copyOf(codes);
        names = Set.copyOf(names);
        codesWhenWrite = Set.copyOf(codesWhenWrite);
    }

    boolean isControl(Integer code, String name, Boolean write) {
        return code != null && (codes.contains(code) || Boolean.TRUE.equals(write) && codesWhenWrite.contains(code))
                || name != null && !names.isEmpty() && names.contains(name.toLowerCase(Locale.ROOT));
    }

    ProtocolPolicy withAllow(AddressSet newAllow) {
        return new ProtocolPolicy(newAllow, codes, names, codesWhenWrite);
    }
}
