package org.fenghuo.detection.ioc;

/**
 * Domain indicators keyed by a hash computed from the last character backwards, so every parent of
 * a queried name ({@code evil.com} for {@code a.b.evil.com}) is probed while walking the name once
 * from the right: no substring, no lower-cased copy. Only suffixes that start at a label boundary
 * are probed, so {@code notevil.com} never meets {@code evil.com}.
 */
final class DomainTable {
    private static final int EMPTY = -1;
    /** {@code hash << 32 | slot + 1}, 0 when empty: one memory access per probe. */
    private final long[] entries;
    private final int mask;
    private final Indicator[] indicators;

    DomainTable(int expected, Indicator[] indicators) {
        int capacity = SlotTable.capacity(expected);
        entries = new long[capacity];
        mask = capacity - 1;
        this.indicators = indicators;
    }

    /** Stores a normalised domain's slot; returns the slot it replaces (same name), or -1. */
    int put(String domain, int slot) {
        int h = 0;
        for (int i = domain.length() - 1; i >= 0; i--) {
            h = step(h, domain.charAt(i));
        }
        int i = spread(h) & mask;
        long e;
        while ((e = entries[i]) != 0) {
            if ((int) (e >>> 32) == h && indicators[(int) e - 1].value().equals(domain)) {
                entries[i] = pack(h, slot);
                return (int) e - 1;
            }
            i = (i + 1) & mask;
        }
        entries[i] = pack(h, slot);
        return EMPTY;
    }

    /**
     * The first indicator valid at {@code time} under the longest of the name and its parents (of
     * at most {@code maxLength} characters) that has one, or -1; {@code name} may have upper case
     * and one trailing dot.
     */
    int longest(CharSequence name, int maxLength, Validity validity, long time) {
        int end = name.length();
        if (end > 0 && name.charAt(end - 1) == '.') {
            end--;
        }
        int best = EMPTY;
        int h = 0;
        for (int i = end - 1; i >= 0 && end - i <= maxLength; i--) {
            h = step(h, lower(name.charAt(i)));
            if (i == 0 || name.charAt(i - 1) == '.') {
                int slot = find(h, name, i, end);
                if (slot != EMPTY) {
                    slot = validity.firstValid(slot, time);
                    best = slot != EMPTY ? slot : best;
                }
            }
        }
        return best;
    }

    /** The index's chain walk: the first slot from {@code slot} on valid at {@code time}. */
    interface Validity {
        int firstValid(int slot, long time);
    }

    private int find(int h, CharSequence name, int from, int to) {
        int i = spread(h) & mask;
        long e;
        while ((e = entries[i]) != 0) {
            if ((int) (e >>> 32) == h && sameName(indicators[(int) e - 1].value(), name, from, to)) {
                return (int) e - 1;
            }
            i = (i + 1) & mask;
        }
        return EMPTY;
    }

    private static boolean sameName(String stored, CharSequence name, int from, int to) {
        if (stored.length() != to - from) {
            return false;
        }
        for (int i = 0; i < stored.length(); i++) {
            if (stored.charAt(i) != lower(name.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static long pack(int hash, int slot) {
        return (long) hash << 32 | (slot + 1L);
    }

    private static int step(int h, char c) {
        return h * 31 + c;
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    static char lower(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }
}
