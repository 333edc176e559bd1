package org.fenghuo.collectors.netflow;

import java.util.Objects;

/**
 * One NetFlow/IPFIX UDP input.
 *
 * @param name    the input's name ({@code fenghuo.input}, metric tag)
 * @param host    address to bind, e.g. {@code 0.0.0.0}
 * @param port    UDP port: 2055 (NetFlow, the default), 4739 (IPFIX), 0 for any free port (tests)
 * @param decoder the decoder's limits
 */
public record NetflowInputConfig(String name, String host, int port, NetflowConfig decoder) {
    public static final int DEFAULT_PORT = 2055;
    public static final int IPFIX_PORT = 4739;

    public NetflowInputConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(decoder, "decoder");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("netflow input " + name + ": port is " + port + ", expected 0..65535");
        }
    }

    /** {@code netflow} on 0.0.0.0:2055 with the default limits. */
    public static NetflowInputConfig defaults() {
        return new NetflowInputConfig("netflow", "0.0.0.0", DEFAULT_PORT, NetflowConfig.defaults());
    }
}
