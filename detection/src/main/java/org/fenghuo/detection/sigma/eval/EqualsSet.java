package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Case-insensitive equality against many plain values at once (user-agent and command lists of
 * a hundred values): one hash probe over the case-folded text instead of one comparison per value.
 * Same answer as the {@link StringPredicate}s it replaces: the value's text folded char by char
 * with {@link LiteralIndex#fold}, equal in length and every folded char. Open addressing over the
 * folded literals, so a lookup allocates nothing.
 */
final class EqualsSet implements ValuePredicate {
    private final char[][] table;
    private final int mask;
    private final List<String> literals;

    /** @param folded the literals, already case-folded char by char */
    EqualsSet(List<char[]> folded) {
        int size = Integer.highestOneBit(Math.max(4, folded.size() * 2 - 1)) << 1;
        table = new char[size][];
        mask = size - 1;
        List<String> lits = new ArrayList<>(folded.size());
        for (char[] f : folded) {
            lits.add(new String(f));
            int i = hash(f) & mask;
            while (table[i] != null && !java.util.Arrays.equals(table[i], f)) {
                i = (i + 1) & mask;
            }
            table[i] = f;
        }
        literals = List.copyOf(lits);
    }

    private static int hash(char[] folded) {
        int h = 0;
        for (char c : folded) {
            h = 31 * h + c;
        }
        return mix(h);
    }

    private static int hashFolding(String v) {
        int h = 0;
        for (int i = 0, n = v.length(); i < n; i++) {
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
        int i = hashFolding(v) & mask;
        char[] k;
        while ((k = table[i]) != null) {
            if (sameFolded(k, v)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private static boolean sameFolded(char[] k, String v) {
        if (k.length != v.length()) {
            return false;
        }
        for (int j = 0; j < k.length; j++) {
            if (LiteralIndex.fold(v.charAt(j)) != k[j]) {
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
