package org.fenghuo.collectors.pcap.app.tls;

import java.util.List;
import java.util.stream.Collectors;

/**
 * JA3 and JA3S (Salesforce): the MD5 of decimal values, '-' joined within a field and ',' between
 * fields, GREASE values left out.
 * <ul>
 * <li>JA3: {@code SSLVersion,Ciphers,Extensions,EllipticCurves,EllipticCurvePointFormats} of the ClientHello</li>
 * <li>JA3S: {@code SSLVersion,Cipher,Extensions} of the ServerHello</li>
 * </ul>
 * SSLVersion is the hello's legacy_version (771 for TLS 1.2 and 1.3).
 */
public final class Ja3 {
    private Ja3() {
    }

    public static String string(ClientHello c) {
        return c.legacyVersion() + "," + join(c.ciphers()) + "," + join(c.extensions()) + "," + join(c.groups()) + ","
                + join(c.pointFormats());
    }

    public static String hash(ClientHello c) {
        return Hashes.md5(string(c));
    }

    public static String serverString(ServerHello s) {
        return s.legacyVersion() + "," + s.cipher() + "," + join(s.extensions());
    }

    public static String serverHash(ServerHello s) {
        return Hashes.md5(serverString(s));
    }

    private static String join(List<Integer> values) {
        return values.stream().filter(v -> !Grease.is(v)).map(String::valueOf).collect(Collectors.joining("-"));
    }
}
