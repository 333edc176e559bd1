package org.fenghuo.detection.ioc;

/**
 * Open-addressing table from a 32-bit IPv4 key to an int slot, key and slot packed in one long
 * ({@code key << 32 | slot + 1}; 0 is empty), so a hit or a miss costs one memory access, not one
 * per array. Filled while the index is built, read-only afterwards.
 */
final class Ipv4Table {
    private final long[] entries;
    private final int mask;
    private int size;

    Ipv4Table(int expected) {
        int capacity = SlotTable.capacity(expected);
        entries = new long[capacity];
        mask = capacity - 1;
    }

    /** Stores {@code slot} under {@code key}; returns the slot it replaces (the chain's next), or -1. */
    int put(long key, int slot) {
        int i = index(key);
        long e;
        while ((e = entries[i]) != 0) {
            if (e >>> 32 == key) {
                entries[i] = key << 32 | (slot + 1L);
                return (int) e - 1;
            }
            i = (i + 1) & mask;
        }
        if (++size * 2 > entries.length) {
            throw new IllegalStateException("Ipv4Table sized for fewer keys");
        }
        entries[i] = key << 32 | (slot + 1L);
        return -1;
    }

    /** The slot stored under {@code key} (0..2^32-1), or -1. */
    int get(long key) {
        int i = index(key);
        long e;
        while ((e = entries[i]) != 0) {
            if (e >>> 32 == key) {
                return (int) e - 1;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int index(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
