package org.fenghuo.correlation.incident;

import org.fenghuo.detection.ioc.IpAddresses;

/**
 * An IPv4 or IPv6 address block as bits: IPv4 in the low 32 bits of {@code lo}, IPv6 as two
 * halves. An address is a block of full length. IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) is
 * read as IPv4, so both spellings find the same asset.
 *
 * @param v6     true for IPv6
 * @param hi     IPv6 high 64 bits (0 for IPv4)
 * @param lo     IPv6 low 64 bits, or the IPv4 address
 * @param length prefix length, 0-32 or 0-128
 */
record IpPrefix(boolean v6, long hi, long lo, int length) {

    int maxLength() {
        return v6 ? 128 : 32;
    }

    /** This block's first {@code n} bits, the rest zero. */
    IpPrefix truncate(int n) {
        if (v6) {
            long h = n >= 64 ? hi : n == 0 ? 0 : hi & (-1L << (64 - n));
            long l = n <= 64 ? 0 : n == 128 ? lo : lo & (-1L << (128 - n));
            return new IpPrefix(true, h, l, n);
        }
        long l = n == 0 ? 0 : lo & (0xffffffffL << (32 - n)) & 0xffffffffL;
        return new IpPrefix(false, 0, l, n);
    }

    /** True when no bit beyond the prefix length is set (10.0.0.0/8, not 10.0.0.5/8). */
    boolean isNetwork() {
        return truncate(length).equals(this);
    }

    /** An address literal, or null; no name is ever resolved. */
    static IpPrefix address(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        if (t.indexOf(':') < 0) {
            long v4 = IpAddresses.parseIpv4(t);
            return v4 == IpAddresses.INVALID ? null : new IpPrefix(false, 0, v4, 32);
        }
        long[] bits = new long[2];
        if (!IpAddresses.parseIpv6(t, 0, t.length(), bits)) {
            return null;
        }
        if (bits[0] == 0 && (bits[1] >>> 32) == 0xffffL) {
            return new IpPrefix(false, 0, bits[1] & 0xffffffffL, 32);
        }
        return new IpPrefix(true, bits[0], bits[1], 128);
    }

    /**
     * {@code 10.1.2.3}, {@code 10.1.0.0/16}, {@code fd00::/8}; null when not an address with an
     * optional prefix length in range. Host bits may be set: see {@link #isNetwork()}.
     */
    static IpPrefix parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        IpPrefix address = address(slash < 0 ? t : t.substring(0, slash));
        if (address == null || slash < 0) {
            return address;
        }
        String len = t.substring(slash + 1);
        if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int n = Integer.parseInt(len);
        boolean mappedV4 = !address.v6 && t.indexOf(':') >= 0;
        if (mappedV4) {
            n -= 96; // ::ffff:10.0.0.0/104 is 10.0.0.0/8
        }
        if (n < 0 || n > address.maxLength()) {
            return null;
        }
        return new IpPrefix(address.v6, address.hi, address.lo, n);
    }

    /** The address without the length: {@code 10.1.2.3}, IPv6 in the JDK's uncompressed form. */
    String addressText() {
        String t = toString();
        return t.substring(0, t.lastIndexOf('/'));
    }

    /** {@code 10.0.0.0/8}; IPv6 in the JDK's uncompressed form, {@code fd00:0:0:0:0:0:0:0/8}. */
    @Override
    public String toString() {
        byte[] b = new byte[v6 ? 16 : 4];
        for (int i = 0; i < b.length; i++) {
            long half = v6 && i < 8 ? hi : lo;
            int shift = 8 * ((b.length - 1 - i) % 8);
            b[i] = (byte) (half >>> shift);
        }
        try {
            return java.net.InetAddress.getByAddress(b).getHostAddress() + "/" + length;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong array length, which cannot happen here
        }
    }
}
