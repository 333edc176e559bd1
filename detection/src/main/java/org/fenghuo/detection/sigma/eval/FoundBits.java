package org.fenghuo.detection.sigma.eval;

/**
 * Rule bits the literal scans of one event set, over the index's global rule numbering. Scans
 * set few bits in a wide array, so the words they touch are remembered and only those are
 * cleared for the next event.
 */
final class FoundBits {
    final long[] words;
    private final int[] touched;
    private int count;

    FoundBits(int words) {
        this.words = new long[words];
        this.touched = new int[words];
    }

    /** Bits written straight into {@code words} (tests of the automaton). */
    static FoundBits over(long[] words) {
        return new FoundBits(words);
    }

    private FoundBits(long[] words) {
        this.words = words;
        this.touched = new int[words.length];
    }

    void set(int rule) {
        int w = rule >>> 6;
        long old = words[w];
        if (old == 0) {
            touched[count++] = w;
        }
        words[w] = old | (1L << rule);
    }

    void clear() {
        for (int i = 0; i < count; i++) {
            words[touched[i]] = 0;
        }
        count = 0;
    }
}
