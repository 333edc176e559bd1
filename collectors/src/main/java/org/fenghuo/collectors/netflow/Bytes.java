package org.fenghuo.collectors.netflow;

/** Big-endian reads; callers check bounds first. */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    /** An unsigned big-endian number of 1 to 8 bytes (reduced-size encoding, RFC 7011 6.2); 0 for length 0. */
    static long unsigned(byte[] b, int i, int length) {
        long v = 0;
        int n = Math.min(length, 8);
        int start = i + length - n;
        for (int k = 0; k < n; k++) {
            v = (v << 8) | (b[start + k] & 0xff);
        }
        return v;
    }
}
