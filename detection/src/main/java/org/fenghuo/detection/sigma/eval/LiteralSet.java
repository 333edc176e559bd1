package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Case-insensitive equality, prefix or suffix tests against many plain values at once (user-agent
 * lists of a hundred values, {@code Image|endswith} lists): one hash probe per distinct literal
 * length over the case-folded text instead of one comparison per value. Same answer as the
 * {@link StringPredicate}s it replaces: the value's chars folded with {@link LiteralIndex#fold},
 * compared char by char. Open addressing over the folded literals, so a lookup allocates nothing.
 */
final class LiteralSet implements ValuePredicate {
    /** Where in the value the literal must sit. */
    enum Anchor { WHOLE, PREFIX, SUFFIX }

    private final Anchor anchor;
    private final char[][] table;
    private final int mask;
    /** The distinct literal lengths, ascending: one probe each (WHOLE probes only the value's length). */
    private final int[] lengths;
    private final List<String> literals;

    /** @param folded the literals, already case-folded char by char */
    LiteralSet(Anchor anchor, List<char[]> folded) {
        this.anchor = anchor;
        int size = Integer.highestOneBit(Math.max(4, folded.size() * 2 - 1)) << 1;
        table = new char[size][];
        mask = size - 1;
        List<String> lits = new ArrayList<>(folded.size());
        TreeSet<Integer> lens = new TreeSet<>();
        for (char[] f : folded) {
            lits.add(new String(f));
            lens.add(f.length);
            int i = hash(f) & mask;
            while (table[i] != null && !Arrays.equals(table[i], f)) {
                i = (i + 1) & mask;
            }
            table[i] = f;
        }
        lengths = lens.stream().mapToInt(Integer::intValue).toArray();
        literals = List.copyOf(lits);
    }

    private static int hash(char[] folded) {
        int h = 0;
        for (char c : folded) {
            h = 31 * h + c;
        }
        return mix(h);
    }

    private static int hashFolding(String v, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + LiteralIndex.fold(v.charAt(i));
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    @Override
    public boolean test(Object value) {
        String v = ValuePredicate.asText(value);
        int n = v.length();
        if (anchor == Anchor.WHOLE) {
            return probe(v, 0, n);
        }
        for (int len : lengths) {
            if (len > n) {
                return false;
            }
            if (anchor == Anchor.PREFIX ? probe(v, 0, len) : probe(v, n - len, n)) {
                return true;
            }
        }
        return false;
    }

    /** The folded chars {@code v[from, to)} are one of the literals. */
    private boolean probe(String v, int from, int to) {
        int i = hashFolding(v, from, to) & mask;
        char[] k;
        while ((k = table[i]) != null) {
            if (sameFolded(k, v, from, to)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private static boolean sameFolded(char[] k, String v, int from, int to) {
        if (k.length != to - from) {
            return false;
        }
        for (int j = 0; j < k.length; j++) {
            if (LiteralIndex.fold(v.charAt(from + j)) != k[j]) {
                return false;
            }
        }
        return true;
    }

    /** Every value's literal; null when one is empty (an empty value gives the pre-filter nothing). */
    @Override
    public List<String> requiredLiterals() {
        return literals.contains("") ? null : literals;
    }
}
