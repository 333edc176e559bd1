package org.fenghuo.collectors.pcap.app.tls;

import java.util.List;
import java.util.stream.Collectors;
import org.fenghuo.collectors.pcap.flow.HexText;

/**
 * JA4 and JA4S (FoxIO, JA4+ technical details), for TLS over TCP.
 * <p>JA4 {@code a_b_c}: a = "t", the version (highest non-GREASE supported_versions, else the
 * legacy version), "d" with SNI else "i", cipher count, extension count (both two digits, at most
 * 99, GREASE excluded), first and last character of the first ALPN value ("00" without ALPN; when
 * either end byte is not ASCII alphanumeric, the first and last hex digit of the value); b = 12 hex
 * of the SHA-256 of the sorted 4-hex cipher list (comma joined); c = 12 hex of the SHA-256 of the
 * sorted extension list without SNI and ALPN, then "_" and the signature algorithms in their order
 * (no "_" when there are none). An empty list hashes to "000000000000".
 * <p>JA4S {@code a_b_c}: a = "t", the negotiated version, extension count, ALPN chars of the
 * chosen protocol; b = the cipher in 4 hex; c = 12 hex of the SHA-256 of the extensions in order.
 */
public final class Ja4 {
    private static final String EMPTY = "000000000000";

    private Ja4() {
    }

    public static String client(ClientHello c) {
        List<Integer> ciphers = noGrease(c.ciphers());
        List<Integer> extensions = noGrease(c.extensions());
        String a = "t" + version(c.highestVersion()) + (c.extensions().contains(HelloParser.SERVER_NAME) ? "d" : "i")
                + count(ciphers.size()) + count(extensions.size()) + alpn(c.alpn());
        String b = ciphers.isEmpty() ? EMPTY : truncated(hexList(ciphers.stream().sorted().toList()));
        List<Integer> hashed = extensions.stream()
                .filter(e -> e != HelloParser.SERVER_NAME && e != HelloParser.ALPN).sorted().toList();
        List<Integer> sigAlgs = noGrease(c.signatureAlgorithms());
        String text = hexList(hashed) + (sigAlgs.isEmpty() ? "" : "_" + hexList(sigAlgs));
        String cPart = hashed.isEmpty() && sigAlgs.isEmpty() ? EMPTY : truncated(text);
        return a + "_" + b + "_" + cPart;
    }

    public static String server(ServerHello s) {
        List<Integer> extensions = noGrease(s.extensions());
        String a = "t" + version(s.negotiatedVersion()) + count(extensions.size()) + alpn(s.alpn());
        String c = extensions.isEmpty() ? EMPTY : truncated(hexList(extensions));
        return a + "_" + HexText.hex(s.cipher(), 4) + "_" + c;
    }

    static String version(int v) {
        return switch (v) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            case 0xfeff -> "d1";
            case 0xfefd -> "d2";
            case 0xfefc -> "d3";
            default -> "00";
        };
    }

    static String alpn(List<String> alpn) {
        if (alpn.isEmpty() || alpn.get(0).isEmpty()) {
            return "00";
        }
        String v = alpn.get(0);
        char first = v.charAt(0);
        char last = v.charAt(v.length() - 1);
        if (alphanumeric(first) && alphanumeric(last)) {
            return "" + first + last;
        }
        String hexFirst = HexText.hex(first & 0xff, 2);
        String hexLast = HexText.hex(last & 0xff, 2);
        return "" + hexFirst.charAt(0) + hexLast.charAt(1);
    }

    private static boolean alphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String count(int n) {
        return HexText.twoDigits(Math.min(n, 99));
    }

    private static List<Integer> noGrease(List<Integer> values) {
        return values.stream().filter(v -> !Grease.is(v)).toList();
    }

    private static String hexList(List<Integer> values) {
        return values.stream().map(v -> HexText.hex(v, 4)).collect(Collectors.joining(","));
    }

    private static String truncated(String text) {
        return Hashes.sha256(text).substring(0, 12);
    }
}
