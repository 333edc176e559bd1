package org.fenghuo.collectors.pcap.decode;

import java.util.Arrays;
import java.util.BitSet;

/** The pieces of one datagram so far: payload bytes by offset, which 8-byte blocks are in, the first header. */
final class PartialDatagram {
    final long firstSeenNanos;
    byte[] header;
    byte[] payload = new byte[0];
    /** One bit per 8-byte fragment block, the unit of the fragment offset field. */
    final BitSet blocks = new BitSet();
    /** Payload length, known once the last fragment (more-fragments clear) arrived; else -1. */
    int totalLength = -1;
    long wireBytes;

    PartialDatagram(long firstSeenNanos) {
        this.firstSeenNanos = firstSeenNanos;
    }

    /** True if every block of [start, end) is held already. */
    boolean covers(int start, int end) {
        return end > start && blocks.nextClearBit(start >>> 3) >= blockEnd(end);
    }

    /** True if any block of [start, end) is held already. */
    boolean touches(int start, int end) {
        int first = blocks.nextSetBit(start >>> 3);
        return first >= 0 && first < blockEnd(end);
    }

    /** True if a block at or beyond the given payload length is held: data past the claimed end. */
    boolean holdsBeyond(int length) {
        return blocks.length() > blockEnd(length);
    }

    void put(byte[] src, int srcOffset, int start, int length) {
        int end = start + length;
        if (payload.length < end) {
            payload = Arrays.copyOf(payload, Math.max(end, Math.min(65535, payload.length * 2)));
        }
        System.arraycopy(src, srcOffset, payload, start, length);
        if (length > 0) {
            blocks.set(start >>> 3, blockEnd(end));
        }
    }

    boolean complete() {
        return header != null && totalLength >= 0 && blocks.nextClearBit(0) >= blockEnd(totalLength);
    }

    private static int blockEnd(int end) {
        return (end + 7) >>> 3;
    }
}
