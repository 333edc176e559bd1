package org.fenghuo.detection.sigma.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.RuleRejection;

/**
 * Recursive descent over the Sigma condition grammar, precedence (loosest first) or, and, not,
 * {@code x of}, parentheses:
 *
 * <pre>
 * or   := and ("or" and)*
 * and  := not ("and" not)*
 * not  := "not" not | atom
 * atom := "(" or ")" | ("1"|"any"|"all") "of" (pattern | "them") | identifier
 * </pre>
 *
 * {@code them} means every identifier not starting with {@code _}; a pattern's {@code *} matches
 * any characters. An identifier the detection lacks, or a pattern matching none, is a rejection.
 */
public final class ConditionParser {
    private final List<String> tokens;
    private final Set<String> identifiers;
    private final int line;
    private int pos;

    private ConditionParser(List<String> tokens, Set<String> identifiers, int line) {
        this.tokens = tokens;
        this.identifiers = identifiers;
        this.line = line;
    }

    /**
     * @param identifiers the detection's search identifiers, in document order
     * @param line        where the condition is, for rejections
     */
    public static Condition parse(String text, Set<String> identifiers, int line) throws RuleRejection {
        if (text == null || text.isBlank()) {
            throw new RuleRejection(RejectReason.BAD_CONDITION, line, "empty condition");
        }
        if (text.indexOf('|') >= 0) {
            throw new RuleRejection(RejectReason.BAD_CONDITION, line,
                    "aggregation pipe (Sigma 1 \"| count() ...\") is not supported; use a correlation rule: " + text);
        }
        ConditionParser p = new ConditionParser(tokenize(text, line), identifiers, line);
        Condition c = p.or();
        if (p.pos != p.tokens.size()) {
            throw p.error("unexpected \"" + p.tokens.get(p.pos) + "\" in \"" + text + "\"");
        }
        return c;
    }

    private static List<String> tokenize(String text, int line) throws RuleRejection {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '('
                        && text.charAt(i) != ')') {
                    i++;
                }
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    private Condition or() throws RuleRejection {
        return chain("or");
    }

    private Condition and() throws RuleRejection {
        return chain("and");
    }

    /** operand (op operand)*: for "or" the operands are and-chains, for "and" negations. */
    private Condition chain(String op) throws RuleRejection {
        boolean isOr = op.equals("or");
        List<Condition> ops = new ArrayList<>();
        do {
            ops.add(isOr ? and() : not());
        } while (accept(op));
        if (ops.size() == 1) {
            return ops.get(0);
        }
        return isOr ? new Condition.Or(ops) : new Condition.And(ops);
    }

    private Condition not() throws RuleRejection {
        if (accept("not")) {
            return new Condition.Not(not());
        }
        return atom();
    }

    private Condition atom() throws RuleRejection {
        if (pos >= tokens.size()) {
            throw error("condition ends too early");
        }
        String t = tokens.get(pos++);
        if (t.equals("(")) {
            Condition c = or();
            if (!accept(")")) {
                throw error("missing \")\"");
            }
            return c;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if ((lower.equals("1") || lower.equals("any") || lower.equals("all")) && accept("of")) {
            return quantified(!lower.equals("all"));
        }
        if (isKeyword(lower) || t.equals(")")) {
            throw error("expected a search identifier, got \"" + t + "\"");
        }
        if (!identifiers.contains(t)) {
            throw new RuleRejection(RejectReason.UNKNOWN_IDENTIFIER, line,
                    "condition names \"" + t + "\", which the detection does not define");
        }
        return new Condition.Ref(t);
    }

    private Condition quantified(boolean any) throws RuleRejection {
        if (pos >= tokens.size()) {
            throw error("\"of\" without a pattern");
        }
        String pattern = tokens.get(pos++);
        List<Condition> refs = new ArrayList<>();
        for (String id : identifiers) {
            boolean hit = pattern.equals("them") ? !id.startsWith("_") : globMatches(pattern, id);
            if (hit) {
                refs.add(new Condition.Ref(id));
            }
        }
        if (refs.isEmpty()) {
            throw new RuleRejection(RejectReason.UNKNOWN_IDENTIFIER, line,
                    "\"of " + pattern + "\" matches no search identifier");
        }
        if (refs.size() == 1) {
            return refs.get(0);
        }
        return any ? new Condition.Or(refs) : new Condition.And(refs);
    }

    static boolean globMatches(String pattern, String s) {
        return globMatches(pattern, 0, s, 0);
    }

    private static boolean globMatches(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (globMatches(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    private static boolean isKeyword(String lower) {
        return lower.equals("and") || lower.equals("or") || lower.equals("not") || lower.equals("of");
    }

    private boolean accept(String keyword) {
        if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    private RuleRejection error(String why) {
        return new RuleRejection(RejectReason.BAD_CONDITION, line, why);
    }
}
