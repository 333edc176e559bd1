package org.fenghuo.detection.ioc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The part of the STIX 2.1 patterning language an index can answer: observation expressions
 * joined by OR, each a disjunction of {@code path = 'value'} comparisons (also {@code IN (...)}
 * and {@code ISSUBSET} on addresses). Everything else parses but is refused with a reason: AND
 * (inside or across observations), FOLLOWEDBY, qualifiers (WITHIN, REPEATS, START/STOP), NOT,
 * MATCHES, LIKE, ordering and inequality operators, non-string literals. A syntax error is a
 * broken pattern, not an unsupported one.
 */
final class StixPattern {
    /** One {@code path = 'value'}; {@code path} as written ({@code file:hashes.'SHA-256'}). */
    record Comparison(String path, String value) {
    }

    /** The comparisons of a usable pattern, or why not: {@code unsupported} tells refusal from syntax error. */
    record Result(List<Comparison> comparisons, String error, boolean unsupported) {
        boolean ok() {
            return error == null;
        }
    }

    private static final class Refused extends RuntimeException {
        final boolean unsupported;

        Refused(String message, boolean unsupported) {
            super(message, null, false, false);
            this.unsupported = unsupported;
        }
    }

    private final String text;
    private int pos;
    private final List<Comparison> out = new ArrayList<>();

    private StixPattern(String text) {
        this.text = text;
    }

    static Result parse(String pattern) {
        StixPattern p = new StixPattern(pattern);
        try {
            p.pattern();
            p.skipBlanks();
            if (p.pos < p.text.length()) {
                throw syntax("unexpected '" + p.rest() + "'", p.pos);
            }
            return new Result(List.copyOf(p.out), null, false);
        } catch (Refused e) {
            return new Result(List.of(), e.getMessage(), e.unsupported);
        }
    }

    private void pattern() {
        observation();
        while (true) {
            String word = peekWord();
            if (word.equals("OR")) {
                pos += 2;
                observation();
            } else if (word.equals("AND") || word.equals("FOLLOWEDBY")) {
                throw unsupported(word + " between observations (needs several events)");
            } else {
                return;
            }
        }
    }

    private void observation() {
        skipBlanks();
        if (accept('(')) {
            pattern();
            expect(')');
        } else {
            expect('[');
            comparisonOr();
            expect(']');
        }
        String word = peekWord();
        if (word.equals("WITHIN") || word.equals("REPEATS") || word.equals("START")) {
            throw unsupported("qualifier " + word + " (needs several events)");
        }
    }

    private void comparisonOr() {
        comparisonAnd();
        while (peekWord().equals("OR")) {
            pos += 2;
            comparisonAnd();
        }
    }

    private void comparisonAnd() {
        comparison();
        if (peekWord().equals("AND")) {
            throw unsupported("AND inside an observation (all comparisons on one object)");
        }
    }

    private void comparison() {
        skipBlanks();
        if (accept('(')) {
            comparisonOr();
            expect(')');
            return;
        }
        if (peekWord().equals("NOT")) {
            throw unsupported("NOT");
        }
        String path = path();
        skipBlanks();
        String op = operator();
        switch (op) {
            case "=", "ISSUBSET" -> out.add(new Comparison(path, string()));
            case "IN" -> {
                skipBlanks();
                expect('(');
                do {
                    out.add(new Comparison(path, string()));
                    skipBlanks();
                } while (accept(','));
                expect(')');
            }
            default -> throw unsupported("operator " + op);
        }
        if (op.equals("ISSUBSET") && !(path.startsWith("ipv4-addr:") || path.startsWith("ipv6-addr:"))) {
            throw unsupported("ISSUBSET on " + path);
        }
    }

    private String operator() {
        int start = pos;
        if (pos < text.length() && "=!<>".indexOf(text.charAt(pos)) >= 0) {
            while (pos < text.length() && "=!<>".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            return text.substring(start, pos);
        }
        String word = peekWord();
        if (word.isEmpty()) {
            throw syntax("expected a comparison operator", pos);
        }
        pos += word.length();
        return word;
    }

    /** An object path; quotes and {@code [*]} inside it are part of it. */
    private String path() {
        skipBlanks();
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                int end = text.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw syntax("unterminated quote in object path", pos);
                }
                pos = end + 1;
            } else if (c == '[') {
                int end = text.indexOf(']', pos);
                if (end < 0) {
                    throw syntax("unterminated [ in object path", pos);
                }
                pos = end + 1;
            } else if (Character.isWhitespace(c) || "=!<>)]".indexOf(c) >= 0) {
                break;
            } else {
                pos++;
            }
        }
        String path = text.substring(start, pos);
        if (path.indexOf(':') <= 0) {
            throw syntax("expected an object path (type:property), got '" + path + "'", start);
        }
        return path;
    }

    private String string() {
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) != '\'') {
            char c = text.charAt(pos);
            if (Character.isLetter(c) && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
                throw unsupported("literal " + c + "'...' (only string values are indexed)");
            }
            throw unsupported("non-string literal at offset " + pos + " (only string values are indexed)");
        }
        expect('\'');
        StringBuilder b = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                b.append(text.charAt(pos++));
            } else if (c == '\'') {
                return b.toString();
            } else {
                b.append(c);
            }
        }
        throw syntax("unterminated string", pos);
    }

    private String peekWord() {
        skipBlanks();
        int end = pos;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        if (end < text.length() && (text.charAt(end) == ':' || text.charAt(end) == '-' || text.charAt(end) == '_')) {
            return "";
        }
        return text.substring(pos, end).toUpperCase(Locale.ROOT);
    }

    private boolean accept(char c) {
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!accept(c)) {
            throw syntax("expected '" + c + "'" + (pos < text.length() ? " at '" + rest() + "'" : " at the end"), pos);
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String rest() {
        return IndicatorValues.shorten(text.substring(pos));
    }

    private static Refused syntax(String message, int offset) {
        return new Refused("pattern syntax: " + message + " (offset " + offset + ")", false);
    }

    private static Refused unsupported(String what) {
        return new Refused(what, true);
    }
}
