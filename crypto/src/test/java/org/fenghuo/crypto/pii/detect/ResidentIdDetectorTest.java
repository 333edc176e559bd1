package org.fenghuo.crypto.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdDetectorTest {

    private final ResidentIdDetector detector = new ResidentIdDetector();

    @Test
    void checkCharacterFollowsIso7064Mod112() {
        // weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 11010519491231002: sum 167, 167 mod 11 = 2 -> X
        assertThat(ResidentIdDetector.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdDetector.checkCharacter("44030519900307123")).isEqualTo('6');
    }

    @Test
    void findsContiguousIdsWithSpans() {
        String text = "身份证号11010519491231002X，另一个:440305199003071236.";
        assertThat(detector.find(text)).containsExactly(
                new PiiSpan(4, 22, PiiKind.ID_NUMBER), new PiiSpan(27, 45, PiiKind.ID_NUMBER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "110105 19491231 002X", "110105-19491231-002X",
        "110105200002290048", "id=440305199003071236&x=1"})
    void acceptsDocumentedForms(String text) {
        assertThat(detector.find(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "110105194912310021",      // wrong check digit
        "11010519491231002Y",      // not a check character
        "110105194913310027",      // month 13 (check digit recomputed would not matter: date first)
        "110105190002290012",      // 1900 is not a leap year
        "110105185001010010",      // born before 1900
        "010105194912310020",      // region code starts with 0
        "910105194912310027",      // region code starts with 9
        "1110105194912310020X",    // 20 characters
        "11010519491231002X5",     // a digit after the check character
        "211010519491231002X",     // 19-digit run
        "a11010519491231002X",     // inside a word
        "11010519491231002Xb",
        "110105 19491231-002X",    // mixed separators
        "1101051949123100"         // too short
    })
    void rejectsInvalidOrEmbeddedNumbers(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void twentyDigitRunIsNotAnId() {
        // the first 18 digits of this run form a valid ID; the run as a whole is not one
        assertThat(detector.find("order 11010520000229004812 shipped")).isEmpty();
        assertThat(detector.find("order 110105200002290048 shipped")).hasSize(1);
    }

    @Test
    void nothingFoundAllocatesNoList() {
        assertThat(detector.find("no digits here at all, just words")).isSameAs(List.of());
    }

    @Test
    void theLatestBirthYearFollowsTheClockNotTheClassLoad() {
        assertThat(ResidentIdDetector.maxYear(java.time.Instant.parse("2030-06-01T00:00:00Z"))).isEqualTo(2031);
        assertThat(ResidentIdDetector.maxYear(java.time.Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo(2027);
        int nextYear = java.time.Year.now(java.time.ZoneOffset.UTC).getValue() + 1;
        assertThat(new ResidentIdDetector().find(withCheck("110105" + nextYear + "0101123"))).hasSize(1);
        assertThat(new ResidentIdDetector().find(withCheck("110105" + (nextYear + 1) + "0101123"))).isEmpty();
    }

    /** The 17 digits with their ISO 7064 MOD 11-2 check character. */
    private static String withCheck(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
