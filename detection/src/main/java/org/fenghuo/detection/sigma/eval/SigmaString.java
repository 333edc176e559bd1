package org.fenghuo.detection.sigma.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A Sigma string value: characters, some of which are wildcards ({@code *} any run, {@code ?} one
 * character). {@code binary} marks a value whose chars are bytes (0-255) after a UTF-16 modifier,
 * so that a following base64 encodes those bytes rather than UTF-8.
 */
record SigmaString(char[] chars, boolean[] wild, boolean binary) {

    /** Parses a plain rule value: {@code \} escapes {@code *}, {@code ?} and itself; any other {@code \} is literal. */
    static SigmaString parse(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        List<Boolean> w = new ArrayList<>(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && isSpecial(raw.charAt(i + 1))) {
                sb.append(raw.charAt(++i));
                w.add(false);
            } else {
                sb.append(c);
                w.add(c == '*' || c == '?');
            }
        }
        boolean[] wild = new boolean[w.size()];
        for (int i = 0; i < wild.length; i++) {
            wild[i] = w.get(i);
        }
        return new SigmaString(sb.toString().toCharArray(), wild, false);
    }

    static SigmaString literal(String text) {
        return new SigmaString(text.toCharArray(), new boolean[text.length()], false);
    }

    private static boolean isSpecial(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    boolean hasWildcards() {
        for (boolean b : wild) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    boolean startsWithStar() {
        return chars.length > 0 && wild[0] && chars[0] == '*';
    }

    boolean endsWithStar() {
        return chars.length > 0 && wild[chars.length - 1] && chars[chars.length - 1] == '*';
    }

    SigmaString withStar(boolean atStart, boolean atEnd) {
        SigmaString s = this;
        if (atStart && !s.startsWithStar()) {
            s = concat(star(), s);
        }
        if (atEnd && !s.endsWithStar()) {
            s = concat(s, star());
        }
        return s;
    }

    private static SigmaString star() {
        return new SigmaString(new char[] {'*'}, new boolean[] {true}, false);
    }

    private static SigmaString concat(SigmaString a, SigmaString b) {
        char[] c = Arrays.copyOf(a.chars, a.chars.length + b.chars.length);
        System.arraycopy(b.chars, 0, c, a.chars.length, b.chars.length);
        boolean[] w = Arrays.copyOf(a.wild, a.wild.length + b.wild.length);
        System.arraycopy(b.wild, 0, w, a.wild.length, b.wild.length);
        return new SigmaString(c, w, a.binary || b.binary);
    }

    String text() {
        return new String(chars);
    }

    /** The bytes an encoding modifier works on: the UTF-16 bytes after utf16*, else UTF-8. */
    byte[] bytes() {
        return binary ? text().getBytes(StandardCharsets.ISO_8859_1) : text().getBytes(StandardCharsets.UTF_8);
    }

    static SigmaString ofBytes(byte[] bytes) {
        return new SigmaString(new String(bytes, StandardCharsets.ISO_8859_1).toCharArray(), new boolean[bytes.length], true);
    }

    static SigmaString base64(byte[] bytes) {
        return literal(Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * The three base64 forms of the value at byte offsets 0, 1 and 2 of an enclosing string, with the
     * characters that depend on the neighbouring bytes cut off (pySigma's base64offset).
     */
    static List<SigmaString> base64Offsets(byte[] value) {
        int[] start = {0, 2, 3};
        int[] endCut = {0, 3, 2};
        List<SigmaString> out = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[value.length + i];
            Arrays.fill(shifted, 0, i, (byte) ' ');
            System.arraycopy(value, 0, shifted, i, value.length);
            String b64 = Base64.getEncoder().encodeToString(shifted);
            int end = b64.length() - endCut[(value.length + i) % 3];
            out.add(literal(b64.substring(start[i], Math.max(start[i], end))));
        }
        return out;
    }

    /** Every way of writing each dash of the value as one of - / – — ― (Windows option prefixes). */
    static List<SigmaString> windash(SigmaString s, int maxVariants) {
        char[] dashes = {'-', '/', '\u2013', '\u2014', '\u2015'};
        List<SigmaString> out = new ArrayList<>();
        out.add(s);
        for (int i = 0; i < s.chars.length; i++) {
            if (s.wild[i] || new String(dashes).indexOf(s.chars[i]) < 0) {
                continue;
            }
            List<SigmaString> next = new ArrayList<>(out.size() * dashes.length);
            for (SigmaString v : out) {
                for (char d : dashes) {
                    char[] c = v.chars.clone();
                    c[i] = d;
                    next.add(new SigmaString(c, v.wild, v.binary));
                }
            }
            if (next.size() > maxVariants) {
                return null;
            }
            out = next;
        }
        return out;
    }
}
