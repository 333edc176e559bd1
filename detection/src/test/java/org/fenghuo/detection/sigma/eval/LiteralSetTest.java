package org.fenghuo.detection.sigma.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash path for long equality, prefix and suffix lists must answer exactly as the one-by-one comparisons. */
class LiteralSetTest {
    private static final List<String> RULE_VALUES = List.of("Mozilla/5.0 (Windows NT; Windows NT 10.0; de-DE)",
            "curl/7.64.1", "Wget", "python-requests/2.25.1", "443", "1.5", "ÄRGER", "straße", "", "Go-http-client/1.1");

    private static final List<Object> EVENT_VALUES = List.of("curl/7.64.1", "CURL/7.64.1", "curl/7.64", "curl/7.64.10",
            "wget", "WGET", "wge", "Python-Requests/2.25.1", 443, 443L, "443", 444, 1.5, 1.5f, "1.50", "ärger", "ÄRGER",
            "Ärger", "STRASSE", "STRAßE", "straße", "", " ", "mozilla/5.0 (windows nt; windows nt 10.0; de-de)",
            "Go-http-client/1.1 ", true, "nothing");

    private static List<ValuePredicate> linear() {
        return linear("", "");
    }

    /** The rule values with a leading and/or trailing star: endswith, startswith. */
    private static List<ValuePredicate> linear(String lead, String trail) {
        List<ValuePredicate> out = new ArrayList<>();
        for (String v : RULE_VALUES) {
            out.add(new StringPredicate(SigmaString.parse(lead + v + trail), false));
        }
        return out;
    }

    private static int agreeing(List<ValuePredicate> linear, List<Object> values) {
        List<ValuePredicate> hashed = FieldTest.withLiteralSets(linear);
        assertThat(hashed).first().isInstanceOf(LiteralSet.class);
        int matched = 0;
        for (Object value : values) {
            boolean expected = linear.stream().anyMatch(p -> p.test(value));
            boolean actual = hashed.stream().anyMatch(p -> p.test(value));
            assertThat(actual).as("value %s (%s)", value, value.getClass().getSimpleName()).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        return matched;
    }

    @Test
    void suffixAndPrefixPathsAgreeWithLinearPath() {
        List<Object> values = List.of("/usr/bin/curl/7.64.1", "/USR/BIN/CURL/7.64.1", "x443", "x444", "443", 443, 1443L,
                "Wget.exe", "my WGET", "curl/7.64", "xstraße", "XSTRAßE", "nothing");
        // without the empty value, whose "*" would be a wildcard test rather than a suffix
        List<ValuePredicate> suffixes = linear("*", "").subList(0, RULE_VALUES.indexOf(""));
        List<ValuePredicate> prefixes = linear("", "*").subList(0, RULE_VALUES.indexOf(""));
        // suffixes: the case variants, numbers as text and the folded ß match, the rest not
        assertThat(agreeing(suffixes, values)).isEqualTo(9);
        assertThat(agreeing(prefixes, values)).isEqualTo(3);
        // "*" (the empty suffix) stays a wildcard test beside the set and matches every value
        assertThat(agreeing(linear("*", ""), values)).isEqualTo(values.size());
    }

    @Test
    void hashPathAgreesWithLinearPath() {
        // the fixture exercises both answers: case variants, numbers as text, the empty value
        assertThat(agreeing(linear(), EVENT_VALUES)).isEqualTo(17);
    }

    @Test
    void casedWildcardAndFewValuesStayLinear() {
        List<ValuePredicate> mixed = new ArrayList<>(linear());
        mixed.add(new StringPredicate(SigmaString.parse("*evil*"), false));
        mixed.add(new StringPredicate(SigmaString.parse("Cased"), true));
        List<ValuePredicate> hashed = FieldTest.withLiteralSets(mixed);
        assertThat(hashed).hasSize(3);
        assertThat(hashed.get(0)).isInstanceOf(LiteralSet.class);
        assertThat(hashed.get(0).test("CASED")).isFalse();
        assertThat(hashed.stream().anyMatch(p -> p.test("cased"))).isFalse();
        assertThat(hashed.stream().anyMatch(p -> p.test("Cased"))).isTrue();
        assertThat(hashed.stream().anyMatch(p -> p.test("very EVIL thing"))).isTrue();

        List<ValuePredicate> few = linear().subList(0, FieldTest.LITERAL_SET_MIN - 1);
        assertThat(FieldTest.withLiteralSets(few)).isSameAs(few);
    }

    @Test
    void emptyValueLeavesNoLiteralForThePrefilter() {
        assertThat(FieldTest.withLiteralSets(linear()).get(0).requiredLiterals()).isNull();
        List<ValuePredicate> noEmpty = linear().subList(0, 8);
        assertThat(FieldTest.withLiteralSets(noEmpty).get(0).requiredLiterals()).contains("curl/7.64.1", "ärger", "straße");
    }
}
