package org.fenghuo.collectors.pcap.app;

import java.io.ByteArrayOutputStream;

/** Byte arrays for protocol tests, written as they read in a specification or a hex dump. */
public final class TestBytes {
    private TestBytes() {
    }

    /** The octets {@code values}, each cut to its low 8 bits: {@code bytes(0x68, 0x04, 0x07)}. */
    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** {@code parts} one after the other. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
