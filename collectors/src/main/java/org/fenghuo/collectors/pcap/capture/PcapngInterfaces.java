package org.fenghuo.collectors.pcap.capture;

import java.util.Arrays;

/**
 * The interfaces one pcapng section has described so far, as parallel arrays so a packet's
 * lookup allocates nothing. Capped, because a hostile file may hold millions of IDBs.
 */
final class PcapngInterfaces {
    static final int MAX_INTERFACES = 65_536;
    /** Microseconds: the resolution when an IDB has no {@code if_tsresol}. */
    static final int DEFAULT_TSRESOL = 6;

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private int count;
    private int[] linkTypes = new int[4];
    private int[] snaplens = new int[4];
    private int[] tsresols = new int[4];
    private long[] offsetNanos = new long[4];

    void clear() {
        count = 0;
    }

    int count() {
        return count;
    }

    /** @return false when the cap is reached and the interface was not added */
    boolean add(int linkType, int snaplen, int tsresol, long offsetSeconds) {
        if (count == MAX_INTERFACES) {
            return false;
        }
        if (count == linkTypes.length) {
            int n = count * 2;
            linkTypes = Arrays.copyOf(linkTypes, n);
            snaplens = Arrays.copyOf(snaplens, n);
            tsresols = Arrays.copyOf(tsresols, n);
            offsetNanos = Arrays.copyOf(offsetNanos, n);
        }
        linkTypes[count] = linkType;
        snaplens[count] = snaplen;
        tsresols[count] = tsresol;
        offsetNanos[count] = offsetSeconds * 1_000_000_000L;
        count++;
        return true;
    }

    /** @param id an interface id, unsigned; anything outside the table is unknown */
    boolean known(long id) {
        return id >= 0 && id < count;
    }

    int linkType(int id) {
        return linkTypes[id];
    }

    /** 0 means no limit. */
    int snaplen(int id) {
        return snaplens[id];
    }

    long nanos(int id, long ticks) {
        return toNanos(ticks, tsresols[id]) + offsetNanos[id];
    }

    /** True when {@code toNanos} can honour the resolution byte. */
    static boolean supported(int tsresol) {
        int exponent = tsresol & 0x7F;
        return (tsresol & 0x80) == 0 ? exponent <= 9 + 18 : exponent <= 63;
    }

    /**
     * Converts a 64-bit pcapng timestamp (unsigned ticks) to nanoseconds.
     *
     * @param tsresol the {@code if_tsresol} byte: high bit clear, ticks of 10^-n s; set, of 2^-n s
     */
    static long toNanos(long ticks, int tsresol) {
        int exponent = tsresol & 0x7F;
        if ((tsresol & 0x80) == 0) {
            if (exponent <= 9) {
                return ticks * POW10[9 - exponent];
            }
            return exponent - 9 < POW10.length ? Long.divideUnsigned(ticks, POW10[exponent - 9]) : 0;
        }
        if (exponent == 0) {
            return ticks * 1_000_000_000L;
        }
        if (exponent >= 64) {
            return 0;
        }
        long seconds = ticks >>> exponent;
        long fraction = ticks & ((1L << exponent) - 1);
        // Keep at most 33 fraction bits so that fraction * 10^9 stays below 2^63.
        int bits = exponent;
        if (bits > 33) {
            fraction >>>= bits - 33;
            bits = 33;
        }
        return seconds * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> bits);
    }
}
