package org.fenghuo.collectors.pcap.app;

import java.util.List;

/**
 * The protocols the application layer tries, in order: the first whose {@link AppProtocol#matches}
 * accepts a flow follows it.
 */
public record AppProtocols(List<AppProtocol> protocols) {
    public AppProtocols {
        protocols = List.copyOf(protocols);
    }

    /** No application analysis: flows only. */
    public static AppProtocols none() {
        return new AppProtocols(List.of());
    }

    public static AppProtocols of(AppProtocol... protocols) {
        return new AppProtocols(List.of(protocols));
    }

    AppProtocol match(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data, int off,
                      int len) {
        for (AppProtocol p : protocols) {
            if (p.matches(transport, initiatorPort, responderPort, direction, data, off, len)) {
                return p;
            }
        }
        return null;
    }
}
