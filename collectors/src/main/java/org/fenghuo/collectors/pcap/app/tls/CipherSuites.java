package org.fenghuo.collectors.pcap.app.tls;

import java.util.Map;
import org.fenghuo.collectors.pcap.flow.HexText;

/** IANA names of the common cipher suites; others are written {@code 0xXXXX}. */
public final class CipherSuites {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0000, "TLS_NULL_WITH_NULL_NULL"),
            Map.entry(0x0001, "TLS_RSA_WITH_NULL_MD5"),
            Map.entry(0x0002, "TLS_RSA_WITH_NULL_SHA"),
            Map.entry(0x0004, "TLS_RSA_WITH_RC4_128_MD5"),
            Map.entry(0x0005, "TLS_RSA_WITH_RC4_128_SHA"),
            Map.entry(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA"),
            Map.entry(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry(0x0040, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA256"),
            Map.entry(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA"),
            Map.entry(0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA"),
            Map.entry(0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0x006A, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256"),
            Map.entry(0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA"),
            Map.entry(0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA"),
            Map.entry(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x00A2, "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256"),
            Map.entry(0x00A3, "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
            Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
            Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0x1304, "TLS_AES_128_CCM_SHA256"),
            Map.entry(0x1305, "TLS_AES_128_CCM_8_SHA256"),
            Map.entry(0x5600, "TLS_FALLBACK_SCSV"),
            Map.entry(0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA"),
            Map.entry(0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA"),
            Map.entry(0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xC09C, "TLS_RSA_WITH_AES_128_CCM"),
            Map.entry(0xC09D, "TLS_RSA_WITH_AES_256_CCM"),
            Map.entry(0xC09E, "TLS_DHE_RSA_WITH_AES_128_CCM"),
            Map.entry(0xC09F, "TLS_DHE_RSA_WITH_AES_256_CCM"),
            Map.entry(0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8"),
            Map.entry(0xC0A1, "TLS_RSA_WITH_AES_256_CCM_8"),
            Map.entry(0xC0AC, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM"),
            Map.entry(0xC0AD, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM"),
            Map.entry(0xC0AE, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8"),
            Map.entry(0xC0AF, "TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8"),
            Map.entry(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));

    private CipherSuites() {
    }

    /** The IANA name, "GREASE" for an RFC 8701 value, else {@code 0x} and four upper-case hex digits. */
    public static String name(int suite) {
        String name = NAMES.get(suite);
        if (name != null) {
            return name;
        }
        return Grease.is(suite) ? "GREASE" : "0x" + HexText.upperHex(suite, 4);
    }
}
