package org.fenghuo.detection.sigma.eval;

import java.util.List;
import org.fenghuo.detection.anomaly.support.AddressSet;

/**
 * {@code |cidr}: the value is an IPv4 or IPv6 address inside the network. Parsing and matching
 * are {@link AddressSet}'s (literals only: a value is never resolved as a host name).
 */
final class CidrPredicate implements ValuePredicate {
    private final AddressSet network;

    private CidrPredicate(AddressSet network) {
        this.network = network;
    }

    /** @return null when {@code cidr} is not {@code address/prefix} (or a bare address) */
    static CidrPredicate parse(String cidr) {
        return AddressSet.isValid(cidr) ? new CidrPredicate(AddressSet.of(List.of(cidr))) : null;
    }

    @Override
    public boolean test(Object value) {
        return network.contains(ValuePredicate.asText(value));
    }
}
