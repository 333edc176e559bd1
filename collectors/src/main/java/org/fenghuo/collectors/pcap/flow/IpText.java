package org.fenghuo.collectors.pcap.flow;

/**
 * Textual addresses. IPv6 is written in RFC 5952 canonical form (lower case, leading zeros
 * dropped, the longest run of two or more zero groups as "::", IPv4-mapped as ::ffff:a.b.c.d):
 * what Zeek prints and Elasticsearch returns. Java's {@code getHostAddress()} never compresses and
 * older Suricata writes all 32 digits; all parse to the same {@code ip} value in Elasticsearch.
 */
public final class IpText {
    private IpText() {
    }

    /** {@code len} bytes at {@code off}: 4 (IPv4) or 16 (IPv6). */
    public static String format(byte[] a, int off, int len) {
        if (len == 4) {
            return ipv4(a, off);
        }
        if (isV4Mapped(a, off)) {
            return "::ffff:" + ipv4(a, off + 12);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[off + 2 * i] & 0xFF) << 8) | (a[off + 2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static boolean isV4Mapped(byte[] a, int off) {
        for (int i = 0; i < 10; i++) {
            if (a[off + i] != 0) {
                return false;
            }
        }
        return (a[off + 10] & 0xFF) == 0xFF && (a[off + 11] & 0xFF) == 0xFF;
    }

    private static String ipv4(byte[] a, int off) {
        return (a[off] & 0xFF) + "." + (a[off + 1] & 0xFF) + "." + (a[off + 2] & 0xFF) + "." + (a[off + 3] & 0xFF);
    }
}
