package org.fenghuo.detection.sigma.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Aho-Corasick pre-filter finds exactly the rules whose literal occurs, ignoring case. */
class LiteralIndexTest {
    private static final List<String> LITERALS = List.of("he", "she", "his", "hers", "/etc/shadow", "ŞİFRE", "ß", "a");

    private static List<Integer> hits(String value) {
        List<Integer> dense = hits(value, false);
        assertThat(hits(value, true)).as("sparse and dense automata agree on " + value).isEqualTo(dense);
        return dense;
    }

    private static List<Integer> hits(String value, boolean sparse) {
        LiteralIndex.Builder b = new LiteralIndex.Builder();
        for (int i = 0; i < LITERALS.size(); i++) {
            b.add(LITERALS.get(i), i);
        }
        b.add("she", 70); // a second rule for one literal, in the second word of the bit set
        long[] bits = new long[2];
        (sparse ? b.buildSparse() : b.build()).scan(value, bits);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 128; i++) {
            if ((bits[i >>> 6] & (1L << i)) != 0) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void findsOverlappingLiteralsCaseInsensitively() {
        assertThat(hits("USHERS")).containsExactly(0, 1, 3, 70);
        assertThat(hits("cat /ETC/Shadow")).containsExactly(4, 7);
        assertThat(hits("şifre yanliş")).containsExactly(5, 7);
        assertThat(hits("Straße")).containsExactly(6, 7);
        assertThat(hits("xyz")).isEmpty();
        assertThat(hits("")).isEmpty();
    }

    @Test
    void agreesWithNaiveSearchOnRandomText() {
        Random r = new Random(7);
        String alphabet = "hesirHESIR/";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(30); i > 0; i--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String v = sb.toString();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < LITERALS.size(); i++) {
                String lit = LITERALS.get(i);
                for (int at = 0; at + lit.length() <= v.length(); at++) {
                    if (v.regionMatches(true, at, lit, 0, lit.length())) {
                        expected.add(i);
                        break;
                    }
                }
            }
            if (expected.contains(1)) {
                expected.add(70);
            }
            assertThat(hits(v)).as(v).containsExactlyElementsOf(expected);
        }
    }
}
