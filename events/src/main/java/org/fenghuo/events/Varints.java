package org.fenghuo.events;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Base-128 varints (7 bits a byte, low group first, high bit set on every byte but the last) for
 * the project's binary forms, and zig-zag for signed values, so small negative numbers stay short.
 */
public final class Varints {
    private Varints() {
    }

    /** {@code v} as unsigned: 1 byte up to 127, at most 10. */
    public static void writeUnsigned(DataOutput out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    public static long readUnsigned(DataInput in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint longer than 10 bytes");
    }

    /** {@code v} zig-zagged: 1 byte from -64 to 63. */
    public static void writeSigned(DataOutput out, long v) throws IOException {
        writeUnsigned(out, zigzag(v));
    }

    public static long readSigned(DataInput in) throws IOException {
        return unzigzag(readUnsigned(in));
    }

    public static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    public static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}
