package org.fenghuo.detection.ioc;

import java.util.Locale;

/**
 * Checks and normalises indicator values, so the index and the event side agree on one spelling:
 * IPs in canonical text, networks with host bits cleared, lower-case domains without a trailing
 * dot (IDN left as given: no punycode conversion), URLs with lower-case scheme and host, no
 * default port and no fragment, lower-case hex hashes.
 */
public final class IndicatorValues {
    private IndicatorValues() {
    }

    /** A checked value: {@code type} and {@code value} set, or {@code error} saying why not. */
    public record Checked(IndicatorType type, String value, String error) {
        static Checked ok(IndicatorType type, String value) {
            return new Checked(type, value, null);
        }

        static Checked error(String reason) {
            return new Checked(null, null, reason);
        }

        public boolean ok() {
            return error == null;
        }
    }

    /** Guesses the type of a bare value (plain lists): IP, network, URL, hash or domain. */
    public static Checked detect(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return Checked.error("empty value");
        }
        if (v.contains("://")) {
            return url(v);
        }
        if (v.indexOf('/') > 0) {
            return cidr(v);
        }
        if (v.indexOf(':') >= 0 || IpAddresses.parseIpv4(v) != IpAddresses.INVALID) {
            return ip(v);
        }
        IndicatorType hash = hashType(v);
        if (hash != null) {
            return Checked.ok(hash, v.toLowerCase(Locale.ROOT));
        }
        if (v.indexOf('.') < 0) {
            return Checked.error("not an IP address, network, domain, URL or MD5/SHA-1/SHA-256/SHA-512 hash: \""
                    + shorten(v) + "\"");
        }
        return domain(v);
    }

    /** Checks {@code raw} as {@code type} ({@link IndicatorType#IPV4} and IPV6 also accept a network). */
    public static Checked as(IndicatorType type, String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return Checked.error("empty value");
        }
        return switch (type) {
            case IPV4, IPV6 -> v.indexOf('/') > 0 ? cidr(v) : ip(v);
            case CIDR -> cidr(v);
            case DOMAIN -> domain(v);
            case URL -> url(v);
            case MD5, SHA1, SHA256, SHA512 -> hashType(v) == type ? Checked.ok(type, v.toLowerCase(Locale.ROOT))
                    : Checked.error("not a " + type + " hash (" + hexLength(type) + " hex digits): \"" + shorten(v) + "\"");
        };
    }

    static Checked ip(String v) {
        long v4 = IpAddresses.parseIpv4(v);
        if (v4 != IpAddresses.INVALID) {
            return Checked.ok(IndicatorType.IPV4, IpAddresses.formatIpv4(v4));
        }
        long[] bits = new long[2];
        if (v.indexOf('%') < 0 && IpAddresses.parseIpv6(v, 0, v.length(), bits)) {
            long mapped = IpAddresses.mappedIpv4(bits[0], bits[1]);
            return mapped != IpAddresses.INVALID ? Checked.ok(IndicatorType.IPV4, IpAddresses.formatIpv4(mapped))
                    : Checked.ok(IndicatorType.IPV6, IpAddresses.formatIpv6(bits[0], bits[1]));
        }
        return Checked.error("not an IPv4 or IPv6 address: \"" + shorten(v) + "\"");
    }

    /**
     * {@code net/len}; a full-length prefix is the address itself. A /0 is refused: one such line
     * (a bogon list's {@code 0.0.0.0/0}) would alert on every event. Other short prefixes are kept.
     * An IPv4-mapped network of /96 or longer becomes the IPv4 network of {@code len - 96} bits,
     * because events' mapped addresses are looked up as IPv4 ({@link #ip}); left in the IPv6 table it
     * would never match.
     */
    static Checked cidr(String v) {
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1) {
            return Checked.error("not a network (address/prefix-length): \"" + shorten(v) + "\"");
        }
        int length = prefixLength(v.substring(slash + 1));
        String address = v.substring(0, slash);
        long v4 = IpAddresses.parseIpv4(address);
        if (v4 != IpAddresses.INVALID) {
            if (length < 0 || length > 32) {
                return Checked.error("IPv4 prefix length must be 0-32: \"" + shorten(v) + "\"");
            }
            return ipv4Network(v4, length, v);
        }
        long[] bits = new long[2];
        if (!IpAddresses.parseIpv6(address, 0, address.length(), bits)) {
            return Checked.error("not a network (address/prefix-length): \"" + shorten(v) + "\"");
        }
        if (length < 0 || length > 128) {
            return Checked.error("IPv6 prefix length must be 0-128: \"" + shorten(v) + "\"");
        }
        long mapped = IpAddresses.mappedIpv4(bits[0], bits[1]);
        if (mapped != IpAddresses.INVALID && length >= 96) {
            return ipv4Network(mapped, length - 96, v);
        }
        if (length == 0) {
            return everyAddress(v);
        }
        String net = IpAddresses.formatIpv6(IpAddresses.maskHalf(bits[0], length, 0),
                IpAddresses.maskHalf(bits[1], length, 64));
        return length == 128 ? Checked.ok(IndicatorType.IPV6, net) : Checked.ok(IndicatorType.CIDR, net + "/" + length);
    }

    private static Checked ipv4Network(long address, int length, String v) {
        if (length == 0) {
            return everyAddress(v);
        }
        String net = IpAddresses.formatIpv4(IpAddresses.maskIpv4(address, length));
        return length == 32 ? Checked.ok(IndicatorType.IPV4, net) : Checked.ok(IndicatorType.CIDR, net + "/" + length);
    }

    private static Checked everyAddress(String v) {
        return Checked.error("a /0 network matches every address: \"" + shorten(v) + "\"");
    }

    static Checked domain(String v) {
        String d = normaliseDomain(v);
        if (d.isEmpty() || d.length() > 253) {
            return Checked.error("not a domain name (1-253 characters): \"" + shorten(v) + "\"");
        }
        int labelStart = 0;
        for (int i = 0; i <= d.length(); i++) {
            char c = i < d.length() ? d.charAt(i) : '.';
            if (c == '.') {
                if (i == labelStart || i - labelStart > 63) {
                    return Checked.error("not a domain name (empty or over-long label): \"" + shorten(v) + "\"");
                }
                labelStart = i + 1;
            } else if (c <= ' ' || "/:@?#\\\"'<>,;|*[]()".indexOf(c) >= 0 || c == 0x7f) {
                return Checked.error("not a domain name (character '" + c + "'): \"" + shorten(v) + "\"");
            }
        }
        String tld = d.substring(d.lastIndexOf('.') + 1);
        if (tld.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Checked.error("not a domain name (numeric top-level label; an invalid address?): \"" + shorten(v) + "\"");
        }
        return Checked.ok(IndicatorType.DOMAIN, d);
    }

    /** Lower case, one trailing dot removed; the index and the lookup use the same folding. */
    public static String normaliseDomain(String v) {
        String d = v.strip();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.toLowerCase(Locale.ROOT);
    }

    static Checked url(String v) {
        String n = normaliseUrl(v);
        return n == null ? Checked.error("not an absolute URL (scheme://host...): \"" + shorten(v) + "\"")
                : Checked.ok(IndicatorType.URL, n);
    }

    /**
     * {@code scheme://host[:port]/path?query} with scheme and host in lower case, the host's
     * trailing dot, the default port (80, 443) and the fragment removed, an empty path made
     * {@code /}; path and query are kept as given (no percent-decoding). Null when not absolute.
     */
    public static String normaliseUrl(String raw) {
        String v = raw.strip();
        int sep = v.indexOf("://");
        if (sep <= 0 || v.length() == sep + 3) {
            return null;
        }
        String scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return null;
            }
        }
        int hash = v.indexOf('#', sep + 3);
        String rest = hash >= 0 ? v.substring(sep + 3, hash) : v.substring(sep + 3);
        int pathStart = firstOf(rest, "/?");
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String tail = pathStart < 0 ? "/" : rest.charAt(pathStart) == '?' ? "/" + rest.substring(pathStart)
                : rest.substring(pathStart);
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
        String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        String port = colon >= 0 ? hostPort.substring(colon + 1) : "";
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || host.indexOf(' ') >= 0) {
            return null;
        }
        boolean defaultPort = port.isEmpty() || port.equals("80") && scheme.equals("http")
                || port.equals("443") && scheme.equals("https");
        return scheme + "://" + userInfo + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + tail;
    }

    static IndicatorType hashType(String v) {
        IndicatorType t = switch (v.length()) {
            case 32 -> IndicatorType.MD5;
            case 40 -> IndicatorType.SHA1;
            case 64 -> IndicatorType.SHA256;
            case 128 -> IndicatorType.SHA512;
            default -> null;
        };
        if (t == null) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return null;
            }
        }
        return t;
    }

    private static int hexLength(IndicatorType t) {
        return switch (t) {
            case MD5 -> 32;
            case SHA1 -> 40;
            case SHA256 -> 64;
            default -> 128;
        };
    }

    private static int prefixLength(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String shorten(String v) {
        return v.length() <= 80 ? v : v.substring(0, 77) + "...";
    }
}
