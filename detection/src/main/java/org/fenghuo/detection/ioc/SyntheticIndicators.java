package org.fenghuo.detection.ioc;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic, made-up feed for scale tests and benchmarks (not threat intelligence): of
 * {@code n} indicators, 50% IPv4 addresses in 32.0.0.0/4, 10% networks in 11.0.0.0/8 (a /24
 * each, every 16th a /20 around it), 30% domains {@code d<k>.ex<k % 97>.net}, 10% SHA-256 hashes.
 * Values are distinct, so a test knows each answer; addresses in 200.0.0.0/8 and domains under
 * {@code miss.invalid} are never listed.
 */
public final class SyntheticIndicators {
    private static final int ODD = 0x9E3779B1;

    private SyntheticIndicators() {
    }

    public static int ipv4Count(int n) {
        return n / 2;
    }

    public static int cidrCount(int n) {
        return n / 10;
    }

    public static int domainCount(int n) {
        return n * 3 / 10;
    }

    public static int hashCount(int n) {
        return n - ipv4Count(n) - cidrCount(n) - domainCount(n);
    }

    /** The i-th listed address: a bijection of 28 bits, so all are distinct. */
    public static String ipv4(int i) {
        return IpAddresses.formatIpv4(0x20000000L | ((i * (long) ODD) & 0x0FFFFFFFL));
    }

    /** The j-th listed /24 (j below 65,536). */
    public static String cidr(int j) {
        return IpAddresses.formatIpv4(0x0B000000L + (j & 0xffff) * 256L) + "/24";
    }

    /** An address inside the j-th /24. */
    public static String inCidr(int j) {
        return IpAddresses.formatIpv4(0x0B000000L + (j & 0xffff) * 256L + 77);
    }

    public static String domain(int k) {
        return "d" + k + ".ex" + (k % 97) + ".net";
    }

    public static String sha256(int h) {
        long a = mix(h);
        long b = mix(a);
        long c = mix(b);
        long d = mix(c);
        return hex(a) + hex(b) + hex(c) + hex(d);
    }

    public static List<Indicator> generate(int n, String source) {
        List<Indicator> out = new ArrayList<>(n);
        for (int i = 0; i < ipv4Count(n); i++) {
            out.add(make(IndicatorType.IPV4, ipv4(i), source));
        }
        for (int j = 0; j < cidrCount(n); j++) {
            // beyond 65,536 the /24s would repeat: the rest are /20s (every 16th /24's supernet)
            out.add(j < 65_536 ? make(IndicatorType.CIDR, cidr(j), source)
                    : make(IndicatorType.CIDR, supernet(j - 65_536), source));
        }
        for (int k = 0; k < domainCount(n); k++) {
            out.add(make(IndicatorType.DOMAIN, domain(k), source));
        }
        for (int h = 0; h < hashCount(n); h++) {
            out.add(make(IndicatorType.SHA256, sha256(h), source));
        }
        return out;
    }

    /** The m-th /20 (4,096 of them cover the 65,536 /24s); m wraps. */
    public static String supernet(int m) {
        return IpAddresses.formatIpv4(0x0B000000L + (m % 4096) * 4096L) + "/20";
    }

    private static Indicator make(IndicatorType type, String value, String source) {
        return new Indicator(type, value, source, null, null, 50, null, null, null, null, List.of(), "synthetic", 0);
    }

    private static long mix(long x) {
        x = (x + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private static String hex(long v) {
        String s = Long.toHexString(v);
        return "0".repeat(16 - s.length()) + s;
    }
}
