package org.fenghuo.detection.sigma.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ASCII shortcut of the dispatch's upper-case check answers as Character.toLowerCase does. */
class RuleIndexUpperCaseTest {

    @Test
    void agreesWithCharacterToLowerCaseOnEveryChar() {
        int upper = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String s = "x" + (char) c;
            boolean expected = (char) c != Character.toLowerCase((char) c);
            assertThat(RuleIndex.hasUpperCase(s)).as("U+%04X", c).isEqualTo(expected);
            upper += expected ? 1 : 0;
        }
        assertThat(upper).isGreaterThan(26);
        assertThat(RuleIndex.hasUpperCase("syslog.sudo")).isFalse();
        assertThat(RuleIndex.hasUpperCase("Network")).isTrue();
    }
}
