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
    /** Full DFA over character classes when it fits: row offset + class -> row offset (see encode). */
    private final int[] dense;
    private final int classes;
    private final int[] asciiClass;    // class of a folded ASCII char
    private final int[] asciiRawClass; // class of a raw ASCII char (folding included)
    private static final long MAX_DENSE_CELLS = 8_000_000; // 32 MB; the largest SigmaHQ index (Windows command lines) needs ~3M

    /** @param literals literal to the rule indices that need it */
    LiteralIndex(Map<String, Set<Integer>> literals) {
        this(literals, MAX_DENSE_CELLS);
    }

    /** @param maxDenseCells above this many cells (states x classes) the sparse transitions are used */
    LiteralIndex(Map<String, Set<Integer>> literals, long maxDenseCells) {
        List<TreeMap<Character, Integer>> edges = new ArrayList<>();
        List<Set<Integer>> out = new ArrayList<>();
        trie(literals, edges, out);
        int n = edges.size();
        keyStart = new int[n + 1];
        for (int s = 0; s < n; s++) {
            keyStart[s + 1] = keyStart[s] + edges.get(s).size();
        }
        keys = new char[keyStart[n]];
        targets = new int[keyStart[n]];
        for (int s = 0; s < n; s++) {
            int k = keyStart[s];
            for (Map.Entry<Character, Integer> e : edges.get(s).entrySet()) {
                keys[k] = e.getKey();
                targets[k++] = e.getValue();
            }
        }
        fail = new int[n];
        failLinks(edges, out);
        outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        // dense classes for ASCII only (each char of a literal its own class, others class 0): logs
        // are mostly ASCII, while literals hold hundreds of distinct non-ASCII chars (homoglyphs,
        // dashes) that would multiply the table; a non-ASCII char takes the sparse transitions
        TreeMap<Character, Integer> classOf = new TreeMap<>();
        for (char k : keys) {
            if (k < 128) {
                classOf.putIfAbsent(k, classOf.size() + 1);
            }
        }
        classes = classOf.size() + 1;
        asciiClass = new int[128];
        classOf.forEach((c, cls) -> asciiClass[c] = cls);
        asciiRawClass = new int[128];
        for (char c = 0; c < 128; c++) {
            asciiRawClass[c] = asciiClass[fold(c)];
        }
        dense = (long) n * classes <= maxDenseCells ? encode(denseTable(n, classOf)) : null;
    }

    private static void trie(Map<String, Set<Integer>> literals, List<TreeMap<Character, Integer>> edges,
            List<Set<Integer>> out) {
        edges.add(new TreeMap<>());
        out.add(new LinkedHashSet<>());
        for (Map.Entry<String, Set<Integer>> e : literals.entrySet()) {
            int s = 0;
            for (char raw : e.getKey().toCharArray()) {
                char c = fold(raw);
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
    }

    /** Breadth-first: a state's fail state is nearer the root, so its outputs are complete when merged. */
    private void failLinks(List<TreeMap<Character, Integer>> edges, List<Set<Integer>> out) {
        ArrayDeque<Integer> queue = new ArrayDeque<>(edges.get(0).values());
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
                out.get(t).addAll(out.get(fail[t]));
                queue.add(t);
            }
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
                if (keys[k] < 128) {
                    d[s * classes + classOf.get(keys[k])] = t;
                }
                if (!seen[t]) {
                    seen[t] = true;
                    queue.add(t);
                }
            }
        }
        return d;
    }


    /** Case folding that agrees with {@link String#regionMatches(boolean, int, String, int, int)} ignoring case. */
    static char fold(char c) {
        if (c < 128) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private int step(int state, char c) {
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

    private static void emit(int[] rules, FoundBits found) {
        for (int r : rules) {
            found.set(r);
        }
    }

    /** Goto with fail links on the sparse transitions. */
    private int sparseStep(int state, char folded) {
        int s = state;
        int next;
        while ((next = step(s, folded)) < 0 && s != 0) {
            s = fail[s];
        }
        return next < 0 ? 0 : next;
    }

    /** Sets the bit of every rule with a literal in {@code value}. */
    void scan(String value, long[] bits) {
        scan(value, FoundBits.over(bits));
    }

    /** Sets the bit of every rule with a literal in {@code value}. */
    void scan(String value, FoundBits bits) {
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
            emit(outputs[s], bits);
        }
    }

    private void scanDense(String value, FoundBits bits) {
        int[] d = dense;
        int[] ascii = asciiRawClass;
        int off = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 128) {
                int s = sparseStep(off / classes, fold(c));
                off = s * classes;
                emit(outputs[s], bits);
                continue;
            }
            off = d[off + ascii[c]];
            if (off < 0) {
                off = -off - 1;
                emit(outputs[off / classes], bits);
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

        /** The sparse (binary-searched) automaton whatever its size: for tests of that path. */
        LiteralIndex buildSparse() {
            return new LiteralIndex(literals, 0);
        }
    }
}
