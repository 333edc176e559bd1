package org.fenghuo.collectors.pcap.app.tls;

import java.util.List;

/**
 * What a ServerHello chose.
 *
 * @param legacyVersion   the hello's {@code legacy_version}
 * @param cipher          the chosen cipher suite
 * @param compression     the chosen compression method
 * @param extensions      extension types in order
 * @param selectedVersion supported_versions' selected version, or -1 when absent
 * @param alpn            the ALPN protocol(s) named (normally one)
 * @param helloRetryRequest whether this is a TLS 1.3 HelloRetryRequest (RFC 8446 4.1.3: a
 *                        ServerHello with a fixed random), after which a second ClientHello and
 *                        the real ServerHello follow
 */
public record ServerHello(int legacyVersion, int cipher, int compression, List<Integer> extensions, int selectedVersion,
                          List<String> alpn, boolean helloRetryRequest) {
    public ServerHello {
        extensions = List.copyOf(extensions);
        alpn = List.copyOf(alpn);
    }

    /** The negotiated version: supported_versions when present, else the legacy version. */
    public int negotiatedVersion() {
        return selectedVersion >= 0 ? selectedVersion : legacyVersion;
    }
}
