package org.fenghuo.detection.sigma.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aho-Corasick over case-folded literals: one pass over a field value marks every rule one of
 * whose literals occurs in it. Built once, immutable; {@link #scan} allocates nothing.
 *
 * <p>Transitions are stored flat (per state a sorted run of chars with their targets) and the
 * root has a dense table for ASCII, where most values live.
 */
final class LiteralIndex {
    private final int[] keyStart;   // per state: first index into keys/targets
    private final char[] keys;
    private final int[] targets;
    private final int[] fail;
    private final int[][] outputs;  // per state: rule indices, fail chain merged in
    private final int[] rootAscii;
    /** Full DFA over character classes when it fits: state * classes + class -> state. */
    private final int[] dense;
    private final int classes;
    private final int[] asciiClass;
    private final char[] otherChars;   // sorted folded non-ASCII chars of the literals
    private final int[] otherClass;
    private static final long MAX_DENSE_CELLS = 8_000_000;
    /** Class of each raw ASCII char (folding included). */
    private final int[] asciiRawClass;

    /** @param literals literal to the rule indices that need it */
    LiteralIndex(Map<String, Set<Integer>> literals) {
        List<TreeMap<Character, Integer>> edges = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        edges.add(new TreeMap<>());
        out.add(new LinkedHashSet<>());
        for (Map.Entry<String, Set<Integer>> e : literals.entrySet()) {
            int s = 0;
            String lit = e.getKey();
            for (int i = 0; i < lit.length(); i++) {
                char c = fold(lit.charAt(i));
                Integer next = edges.get(s).get(c);
                if (next == null) {
                    next = edges.size();
                    edges.add(new TreeMap<>());
                    out.add(new LinkedHashSet<>());
                    edges.get(s).put(c, next);
                }
                s = next;
            }
            out.get(s).addAll(e.getValue());
        }
        int n = edges.size();
        keyStart = new int[n + 1];
        int total = 0;
        for (int s = 0; s < n; s++) {
            keyStart[s] = total;
            total += edges.get(s).size();
        }
        keyStart[n] = total;
        keys = new char[total];
        targets = new int[total];
        for (int s = 0; s < n; s++) {
            int k = keyStart[s];
            for (Map.Entry<Character, Integer> e : edges.get(s).entrySet()) {
                keys[k] = e.getKey();
                targets[k++] = e.getValue();
            }
        }
        fail = new int[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : edges.get(0).values()) {
            queue.add(t);
        }
        List<int[]> merged = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            merged.add(null);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (Map.Entry<Character, Integer> e : edges.get(s).entrySet()) {
                int t = e.getValue();
                int f = fail[s];
                int next;
                while ((next = step(f, e.getKey())) < 0 && f != 0) {
                    f = fail[f];
                }
                fail[t] = next >= 0 && next != t ? next : 0;
                out.get(t).addAll(out.get(fail[t])); // fail state is nearer the root: already complete
                queue.add(t);
            }
        }
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        int[] root = new int[128];
        for (Map.Entry<Character, Integer> e : edges.get(0).entrySet()) {
            if (e.getKey() < 128) {
                root[e.getKey()] = e.getValue();
            }
        }
        // character classes: every char of a literal gets its own, anything else is class 0
        TreeMap<Character, Integer> classOf = new TreeMap<>();
        for (int k = 0; k < total; k++) {
            classOf.putIfAbsent(keys[k], 0);
        }
        int cls = 1;
        for (Map.Entry<Character, Integer> e : classOf.entrySet()) {
            e.setValue(cls++);
        }
        classes = cls;
        asciiClass = new int[128];
        List<Character> others = new ArrayList<>();
        for (Map.Entry<Character, Integer> e : classOf.entrySet()) {
            if (e.getKey() < 128) {
                asciiClass[e.getKey()] = e.getValue();
            } else {
                others.add(e.getKey());
            }
        }
        otherChars = new char[others.size()];
        otherClass = new int[others.size()];
        for (int i = 0; i < others.size(); i++) {
            otherChars[i] = others.get(i);
            otherClass[i] = classOf.get(others.get(i));
        }
        dense = (long) n * classes <= MAX_DENSE_CELLS ? encode(denseTable(n, classOf)) : null;
        rootAscii = root;
        asciiRawClass = new int[128];
        for (char c = 0; c < 128; c++) {
            asciiRawClass[c] = asciiClass[fold(c)];
        }
    }

    /**
     * Turns target states into row offsets (state * classes), negated-minus-one when the target
     * state has outputs, so the scan loop does one load per character and a sign test.
     */
    private int[] encode(int[] d) {
        for (int i = 0; i < d.length; i++) {
            int t = d[i];
            int off = t * classes;
            d[i] = outputs[t].length == 0 ? off : -off - 1;
        }
        return d;
    }

    /** delta(s, c) = the trie edge, else delta(fail(s), c); breadth-first so fail states are done first. */
    private int[] denseTable(int n, TreeMap<Character, Integer> classOf) {
        int[] d = new int[n * classes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        boolean[] seen = new boolean[n];
        seen[0] = true;
        while (!queue.isEmpty()) {
            int s = queue.poll();
            if (s != 0) {
                System.arraycopy(d, fail[s] * classes, d, s * classes, classes);
            }
            for (int k = keyStart[s]; k < keyStart[s + 1]; k++) {
                int t = targets[k];
                d[s * classes + classOf.get(keys[k])] = t;
                if (!seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return d;
    }

    private int classOf(char folded) {
        if (folded < 128) {
            return asciiClass[folded];
        }
        int i = Arrays.binarySearch(otherChars, folded);
        return i < 0 ? 0 : otherClass[i];
    }

    /** Case folding that agrees with {@link String#regionMatches(boolean, int, String, int, int)} ignoring case. */
    static char fold(char c) {
        if (c < 128) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private int step(int state, char c) {
        if (state == 0 && c < 128) {
            int t = rootAscii == null ? -1 : rootAscii[c];
            if (rootAscii != null) {
                return t == 0 ? -1 : t;
            }
        }
        int lo = keyStart[state];
        int hi = keyStart[state + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char k = keys[mid];
            if (k < c) {
                lo = mid + 1;
            } else if (k > c) {
                hi = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return -1;
    }

    /** Sets the bit of every rule with a literal in {@code value}. */
    void scan(String value, long[] bits) {
        if (dense != null) {
            scanDense(value, bits);
            return;
        }
        int s = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = fold(value.charAt(i));
            int next;
            while ((next = step(s, c)) < 0 && s != 0) {
                s = fail[s];
            }
            s = next < 0 ? 0 : next;
            int[] o = outputs[s];
            for (int r : o) {
                bits[r >>> 6] |= 1L << r;
            }
        }
    }

    private void scanDense(String value, long[] bits) {
        int[] d = dense;
        int[] ascii = asciiRawClass;
        int off = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            off = d[off + (c < 128 ? ascii[c] : classOf(fold(c)))];
            if (off < 0) {
                off = -off - 1;
                for (int r : outputs[off / classes]) {
                    bits[r >>> 6] |= 1L << r;
                }
            }
        }
    }

    int states() {
        return fail.length;
    }

    /** Builds the per-literal rule sets. */
    static final class Builder {
        private final Map<String, Set<Integer>> literals = new HashMap<>();

        void add(String literal, int rule) {
            StringBuilder sb = new StringBuilder(literal.length());
            for (int i = 0; i < literal.length(); i++) {
                sb.append(fold(literal.charAt(i)));
            }
            literals.computeIfAbsent(sb.toString(), k -> new LinkedHashSet<>()).add(rule);
        }

        LiteralIndex build() {
            return new LiteralIndex(literals);
        }
    }
}
