package org.fenghuo.detection.ioc;

import java.util.Arrays;

/**
 * Open-addressing hash table from a 128-bit key (two longs: an IPv6 address, or an IPv4 address
 * and 0) to an int slot, with no boxing: lookups read three primitive arrays. Filled while the
 * index is built, read-only afterwards.
 */
final class SlotTable {
    private static final int EMPTY = -1;
    private final long[] keyHi;
    private final long[] keyLo;
    private final int[] slots;
    private final int mask;
    private int size;

    SlotTable(int expected) {
        int capacity = SlotTable.capacity(expected);
        keyHi = new long[capacity];
        keyLo = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    /** Stores {@code slot} under the key and returns the slot it replaces (the chain's next), or -1. */
    int put(long hi, long lo, int slot) {
        int i = index(hi, lo);
        while (slots[i] != EMPTY) {
            if (keyHi[i] == hi && keyLo[i] == lo) {
                int previous = slots[i];
                slots[i] = slot;
                return previous;
            }
            i = (i + 1) & mask;
        }
        if (++size * 2 > slots.length) {
            throw new IllegalStateException("SlotTable sized for fewer keys");
        }
        keyHi[i] = hi;
        keyLo[i] = lo;
        slots[i] = slot;
        return EMPTY;
    }

    /** The slot stored under the key, or -1. */
    int get(long hi, long lo) {
        int i = index(hi, lo);
        int s;
        while ((s = slots[i]) != EMPTY) {
            if (keyHi[i] == hi && keyLo[i] == lo) {
                return s;
            }
            i = (i + 1) & mask;
        }
        return EMPTY;
    }

    /** A power of two at least twice {@code expected}: probe chains stay short at load factor 1/2. */
    static int capacity(int expected) {
        return Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
    }

    int size() {
        return size;
    }

    private int index(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L + lo;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
