package org.fenghuo.collectors.pcap.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Fixed-width reads from a byte array in the byte order a capture section declares. */
final class Bytes {
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    static int u16(byte[] b, int off, boolean bigEndian) {
        short v = bigEndian ? (short) SHORT_BE.get(b, off) : (short) SHORT_LE.get(b, off);
        return v & 0xFFFF;
    }

    static int i32(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (int) INT_BE.get(b, off) : (int) INT_LE.get(b, off);
    }

    static long u32(byte[] b, int off, boolean bigEndian) {
        return i32(b, off, bigEndian) & 0xFFFF_FFFFL;
    }

    static long i64(byte[] b, int off, boolean bigEndian) {
        return bigEndian ? (long) LONG_BE.get(b, off) : (long) LONG_LE.get(b, off);
    }
}
