package org.fenghuo.detection.sigma.eval;

/**
 * A plain Sigma string (with {@code *}/{@code ?} wildcards after the modifiers), case-insensitive
 * unless {@code cased}. The common shapes (equal, prefix, suffix, infix) avoid the general glob
 * matcher; nothing allocates per value.
 */
final class StringPredicate implements ValuePredicate {
    private enum Shape { EQUALS, STARTS, ENDS, CONTAINS, GLOB }

    private final Shape shape;
    private final String literal;
    private final char[] chars;
    private final boolean[] wild;
    private final boolean cased;
    /** The literal of the simple shapes, case-folded unless cased: compared char by char, no String.regionMatches. */
    private final char[] lit;

    StringPredicate(SigmaString s, boolean cased) {
        this.cased = cased;
        this.chars = s.chars();
        this.wild = s.wild();
        int n = chars.length;
        int wilds = 0;
        for (boolean w : wild) {
            wilds += w ? 1 : 0;
        }
        boolean lead = s.startsWithStar();
        boolean trail = s.endsWithStar();
        int inner = wilds - (lead ? 1 : 0) - (trail && n > 1 ? 1 : 0);
        if (wilds == 0) {
            shape = Shape.EQUALS;
            literal = s.text();
        } else if (inner == 0 && n > 1 && lead && trail) {
            shape = Shape.CONTAINS;
            literal = new String(chars, 1, n - 2);
        } else if (inner == 0 && lead && !trail) {
            shape = Shape.ENDS;
            literal = new String(chars, 1, n - 1);
        } else if (inner == 0 && trail && !lead) {
            shape = Shape.STARTS;
            literal = new String(chars, 0, n - 1);
        } else {
            shape = Shape.GLOB;
            literal = null;
        }
        lit = literal == null ? null : literal.toCharArray();
        if (lit != null && !cased) {
            for (int i = 0; i < lit.length; i++) {
                lit[i] = LiteralIndex.fold(lit[i]);
            }
        }
    }

    @Override
    public boolean test(Object value) {
        String v = ValuePredicate.asText(value);
        return switch (shape) {
            case EQUALS -> v.length() == lit.length && at(v, 0);
            case STARTS -> v.length() >= lit.length && at(v, 0);
            case ENDS -> v.length() >= lit.length && at(v, v.length() - lit.length);
            case CONTAINS -> contains(v);
            case GLOB -> glob(v);
        };
    }

    /** The literal occurs in {@code v} at {@code offset} (which leaves room for it). */
    private boolean at(String v, int offset) {
        char[] l = lit;
        if (cased) {
            for (int j = 0; j < l.length; j++) {
                if (v.charAt(offset + j) != l[j]) {
                    return false;
                }
            }
            return true;
        }
        for (int j = 0; j < l.length; j++) {
            if (LiteralIndex.fold(v.charAt(offset + j)) != l[j]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(String v) {
        int n = lit.length;
        if (n == 0) {
            return true;
        }
        char first = lit[0];
        for (int i = 0, last = v.length() - n; i <= last; i++) {
            char c = v.charAt(i);
            if ((c == first || (!cased && LiteralIndex.fold(c) == first)) && at(v, i)) {
                return true;
            }
        }
        return false;
    }

    /** Wildcard matching with one backtrack point per star: O(value * pattern) at worst, no recursion. */
    private boolean glob(String v) {
        int p = 0;
        int i = 0;
        int starP = -1;
        int starI = 0;
        while (i < v.length()) {
            if (p < chars.length && wild[p] && chars[p] == '*') {
                starP = p++;
                starI = i;
            } else if (p < chars.length && ((wild[p] && chars[p] == '?') || same(chars[p], v.charAt(i)))) {
                p++;
                i++;
            } else if (starP >= 0) {
                p = starP + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < chars.length && wild[p] && chars[p] == '*') {
            p++;
        }
        return p == chars.length;
    }

    private boolean same(char a, char b) {
        return a == b || (!cased && LiteralIndex.fold(a) == LiteralIndex.fold(b));
    }

    /** Where a case-insensitive equality, prefix or suffix test anchors its literal ({@link LiteralSet} can take it over); else null. */
    LiteralSet.Anchor anchor() {
        if (cased) {
            return null;
        }
        return switch (shape) {
            case EQUALS -> LiteralSet.Anchor.WHOLE;
            case STARTS -> LiteralSet.Anchor.PREFIX;
            case ENDS -> LiteralSet.Anchor.SUFFIX;
            default -> null;
        };
    }

    /** The case-folded literal of an {@link #anchor() anchored} test. */
    char[] foldedLiteral() {
        return lit.clone();
    }

    @Override
    public String requiredLiteral() {
        // The longest run of literal characters: any match must contain it.
        int best = -1;
        int bestLen = 0;
        int runStart = 0;
        for (int i = 0; i <= chars.length; i++) {
            if (i == chars.length || wild[i]) {
                if (i - runStart > bestLen) {
                    best = runStart;
                    bestLen = i - runStart;
                }
                runStart = i + 1;
            }
        }
        return best < 0 ? null : new String(chars, best, bestLen);
    }
}
