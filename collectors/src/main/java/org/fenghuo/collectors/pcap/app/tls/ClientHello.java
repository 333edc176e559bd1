package org.fenghuo.collectors.pcap.app.tls;

import java.util.List;

/**
 * What a ClientHello offers, values as on the wire (GREASE included, in order).
 *
 * @param legacyVersion     the hello's {@code legacy_version}, e.g. 0x0303
 * @param ciphers           cipher suites
 * @param compression       compression methods
 * @param extensions        extension types in order
 * @param serverName        the first host_name of server_name, or null
 * @param groups            supported_groups (elliptic curves)
 * @param pointFormats      ec_point_formats
 * @param signatureAlgorithms signature_algorithms
 * @param alpn              ALPN protocol names (ISO-8859-1 decoded)
 * @param supportedVersions supported_versions
 */
public record ClientHello(int legacyVersion, List<Integer> ciphers, List<Integer> compression, List<Integer> extensions,
                          String serverName, List<Integer> groups, List<Integer> pointFormats,
                          List<Integer> signatureAlgorithms, List<String> alpn, List<Integer> supportedVersions) {
    public ClientHello {
        ciphers = List.copyOf(ciphers);
        compression = List.copyOf(compression);
        extensions = List.copyOf(extensions);
        groups = List.copyOf(groups);
        pointFormats = List.copyOf(pointFormats);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
        alpn = List.copyOf(alpn);
        supportedVersions = List.copyOf(supportedVersions);
    }

    /** The highest non-GREASE supported_versions value, else the legacy version. */
    public int highestVersion() {
        int best = -1;
        for (int v : supportedVersions) {
            if (!Grease.is(v) && v > best) {
                best = v;
            }
        }
        return best < 0 ? legacyVersion : best;
    }
}
