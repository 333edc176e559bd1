package org.fenghuo.collectors.pcap.app.dnp3;

/** CRC-16/DNP (polynomial 0x3D65 reflected, initial 0, final complement), sent low byte first. */
final class Dnp3Crc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ 0xA6BC : c >>> 1;
            }
            TABLE[i] = c;
        }
    }

    private Dnp3Crc() {
    }

    static int crc(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ b[i]) & 0xff];
        }
        return ~crc & 0xffff;
    }

    /** Whether {@code b[off, off+len)} is followed by its CRC. */
    static boolean check(byte[] b, int off, int len) {
        int crc = crc(b, off, len);
        return (b[off + len] & 0xff) == (crc & 0xff) && (b[off + len + 1] & 0xff) == (crc >>> 8);
    }
}
