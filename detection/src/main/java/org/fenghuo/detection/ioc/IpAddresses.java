package org.fenghuo.detection.ioc;

import java.util.StringJoiner;

/**
 * Text to address bits without allocating, for the lookup path: an IPv4 address is an int (as an
 * unsigned value in a long, -1 when invalid), an IPv6 address two longs. Strict: no leading
 * zeros read as octal, no shortened IPv4 forms ({@code 10.1}), which feeds never mean.
 */
public final class IpAddresses {
    public static final long INVALID = -1L;

    private IpAddresses() {
    }

    /** The IPv4 address in {@code s[from, to)} as 0..2^32-1, or {@link #INVALID}. */
    public static long parseIpv4(CharSequence s, int from, int to) {
        long result = 0;
        int octets = 0;
        int i = from;
        while (i < to) {
            int value = 0;
            int digits = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                digits++;
                i++;
                if (digits > 3) {
                    return INVALID;
                }
            }
            if (digits == 0 || value > 255 || (digits > 1 && s.charAt(i - digits) == '0')) {
                return INVALID;
            }
            result = (result << 8) | value;
            octets++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return INVALID;
            }
            i++;
            if (i == to) {
                return INVALID;
            }
        }
        return octets == 4 ? result : INVALID;
    }

    public static long parseIpv4(CharSequence s) {
        return parseIpv4(s, 0, s.length());
    }

    /**
     * The IPv6 address in {@code s[from, to)} into {@code out[0]} (high 64 bits) and {@code out[1]};
     * a zone ({@code %eth0}) is ignored; an embedded IPv4 tail ({@code ::ffff:1.2.3.4}) is read.
     */
    public static boolean parseIpv6(CharSequence s, int from, int to, long[] out) {
        int zone = indexOf(s, '%', from, to);
        if (zone >= 0) {
            to = zone;
        }
        if (to - from < 2) {
            return false;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            if (count == 8) {
                return false;
            }
            int start = i;
            int value = 0;
            while (i < to && i - start < 5 && hex(s.charAt(i)) >= 0) {
                value = (value << 4) | hex(s.charAt(i));
                i++;
            }
            if (i < to && s.charAt(i) == '.') {
                long v4 = parseIpv4(s, start, to);
                if (v4 == INVALID || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = to;
                break;
            }
            if (i == start || i - start > 4) {
                return false;
            }
            groups[count++] = value;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < to && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i++;
            } else if (i == to) {
                return false;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        long hi = 0;
        long lo = 0;
        int shift = gap < 0 ? 0 : 8 - count;
        for (int g = 0; g < count; g++) {
            int position = gap >= 0 && g >= gap ? g + shift : g;
            if (position < 4) {
                hi |= (long) groups[g] << (16 * (3 - position));
            } else {
                lo |= (long) groups[g] << (16 * (7 - position));
            }
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    /** An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as its IPv4 address, else {@link #INVALID}. */
    static long mappedIpv4(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0xffffL ? lo & 0xffffffffL : INVALID;
    }

    static String formatIpv4(long address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** RFC 5952 text: lower case, the first longest run of two or more zero groups written {@code ::}. */
    static String formatIpv6(long hi, long lo) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (int) (((i < 4 ? hi : lo) >>> (16 * (3 - (i & 3)))) & 0xffff);
        }
        int gapStart = -1;
        int gapLength = 1;
        int run = 0;
        for (int i = 0; i <= 8; i++) {
            if (i < 8 && g[i] == 0) {
                run++;
                continue;
            }
            if (run > gapLength) {
                gapLength = run;
                gapStart = i - run;
            }
            run = 0;
        }
        return gapStart < 0 ? hexGroups(g, 0, 8)
                : hexGroups(g, 0, gapStart) + "::" + hexGroups(g, gapStart + gapLength, 8);
    }

    private static String hexGroups(int[] groups, int from, int to) {
        StringJoiner joined = new StringJoiner(":");
        for (int i = from; i < to; i++) {
            joined.add(Integer.toHexString(groups[i]));
        }
        return joined.toString();
    }

    /** The {@code length} high bits of a 32-bit address. */
    static long maskIpv4(long address, int length) {
        return length == 0 ? 0 : address & (0xffffffffL << (32 - length)) & 0xffffffffL;
    }

    /** The {@code length} high bits of the 64-bit half that starts at bit {@code offset} (0 or 64). */
    static long maskHalf(long half, int length, int offset) {
        int bits = Math.max(0, Math.min(64, length - offset));
        return bits == 0 ? 0 : bits == 64 ? half : half & (-1L << (64 - bits));
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
