package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Literals one of which every match of a regular expression must contain, for the pre-filter.
 * Conservative: anything it does not understand (classes, escapes of letters, optional parts)
 * only shortens what it returns; null means "no literal known", never a wrong one.
 *
 * <p>{@code (?i)ipfs\.io/.+@} gives [{@code ipfs.io/}]; {@code (foo|bar)baz} gives [{@code baz}]
 * or [{@code foo}, {@code bar}] (whichever is more selective); {@code a?b} gives [{@code b}].
 */
final class RegexLiterals {
    /** Escapes of one character class each, no argument: \\d, \\w, \\s, word boundaries, anchors. */
    private static final String SIMPLE_CLASS_ESCAPES = "dDwWsSbBAzZ";

    private final String re;
    private int pos;

    private RegexLiterals(String re) {
        this.re = re;
    }

    static List<String> required(String regex) {
        try {
            RegexLiterals p = new RegexLiterals(regex);
            List<String> out = p.alternation();
            return p.pos == regex.length() ? out : null;
        } catch (RuntimeException e) {
            return null; // odd syntax: RE2J decides validity; we just give up on a literal
        }
    }

    /** branch ('|' branch)*: a match contains a literal of the branch it took. */
    private List<String> alternation() {
        List<String> all = new ArrayList<>();
        boolean known = true;
        while (true) {
            List<String> branch = sequence();
            if (branch == null) {
                known = false;
            } else {
                all.addAll(branch);
            }
            if (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                continue;
            }
            return known && !all.isEmpty() ? all : null;
        }
    }

    /** The most selective required part of a concatenation. */
    private List<String> sequence() {
        List<String> best = null;
        StringBuilder run = new StringBuilder();
        while (pos < re.length()) {
            char c = re.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            if (c == '(') {
                best = better(best, finish(run));
                List<String> group = group();
                if (!optionalFollows()) {
                    best = better(best, group);
                }
                skipQuantifier();
                continue;
            }
            if (c == '[') {
                best = better(best, finish(run));
                skipClass();
                skipQuantifier();
                continue;
            }
            Character literal = null;
            if (c == '\\') {
                char n = re.charAt(pos + 1);
                if (Character.isLetterOrDigit(n) && SIMPLE_CLASS_ESCAPES.indexOf(n) < 0) {
                    // \x2f, \101, \pL, \p{Greek}, \Q...\E: escapes with arguments this reader does not
                    // decode; their argument is not literal text, so give up on a literal altogether
                    throw new IllegalArgumentException("escape with arguments: \\" + n);
                }
                pos += 2;
                if (!Character.isLetterOrDigit(n)) {
                    literal = n;
                }
            } else {
                pos++;
                if (c != '.' && c != '^' && c != '$' && c != '*' && c != '+' && c != '?' && c != '{') {
                    literal = c;
                }
            }
            if (literal == null) {
                best = better(best, finish(run));
                skipQuantifier();
            } else if (optionalFollows()) {
                best = better(best, finish(run)); // the char may be absent: the run ends before it
                skipQuantifier();
            } else if (quantifierFollows()) {
                run.append(literal.charValue()); // required at least once, but the repeat ends the run
                best = better(best, finish(run));
                skipQuantifier();
            } else {
                run.append(literal.charValue());
            }
        }
        return better(best, finish(run));
    }

    private List<String> group() {
        pos++; // (
        if (re.startsWith("?", pos)) {
            int close = re.indexOf(')', pos);
            int colon = re.indexOf(':', pos);
            if (re.startsWith("?P<", pos) || re.startsWith("?<", pos)) {
                pos = re.indexOf('>', pos) + 1;
            } else if (colon >= 0 && colon < close) {
                pos = colon + 1;
            } else {
                pos = close + 1; // (?i) flags only: no content
                return null;
            }
        }
        List<String> inner = alternation();
        if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new IllegalArgumentException("unbalanced group");
        }
        pos++;
        return inner;
    }

    private void skipClass() {
        pos++; // [
        if (pos < re.length() && re.charAt(pos) == '^') {
            pos++;
        }
        if (pos < re.length() && re.charAt(pos) == ']') {
            pos++;
        }
        while (re.charAt(pos) != ']') {
            if (re.startsWith("[:", pos)) {
                // a POSIX class ([:digit:]) inside the class: its ']' does not close the outer one
                int end = re.indexOf(":]", pos + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated POSIX class");
                }
                pos = end + 2;
                continue;
            }
            pos += re.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
    }

    /** Next is ?, * or {0...}: what precedes may be absent. */
    private boolean optionalFollows() {
        if (pos >= re.length()) {
            return false;
        }
        char q = re.charAt(pos);
        return q == '?' || q == '*' || (q == '{' && (re.startsWith("{0", pos) || re.startsWith("{,", pos)
                || pos + 1 >= re.length() || !Character.isDigit(re.charAt(pos + 1))));
    }

    private boolean quantifierFollows() {
        return pos < re.length() && (re.charAt(pos) == '+' || re.charAt(pos) == '{');
    }

    private void skipQuantifier() {
        while (pos < re.length()) {
            char q = re.charAt(pos);
            if (q == '?' || q == '*' || q == '+') {
                pos++;
            } else if (q == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
                pos = re.indexOf('}', pos) + 1;
            } else {
                return;
            }
        }
    }

    private static List<String> finish(StringBuilder run) {
        if (run.length() == 0) {
            return null;
        }
        List<String> l = List.of(run.toString());
        run.setLength(0);
        return l;
    }

    /** Fewer, longer literals filter better. */
    private static List<String> better(List<String> a, List<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return score(b) > score(a) ? b : a;
    }

    private static double score(List<String> lits) {
        int shortest = Integer.MAX_VALUE;
        for (String l : lits) {
            shortest = Math.min(shortest, l.length());
        }
        return Math.min(shortest, 8) - Math.log(lits.size());
    }
}
