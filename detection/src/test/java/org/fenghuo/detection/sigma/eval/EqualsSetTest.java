package org.fenghuo.detection.sigma.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hash path for long equality lists must answer exactly as the one-by-one comparisons. */
class EqualsSetTest {
    private static final List<String> RULE_VALUES = List.of("Mozilla/5.0 (Windows NT; Windows NT 10.0; de-DE)",
            "curl/7.64.1", "Wget", "python-requests/2.25.1", "443", "1.5", "ÄRGER", "straße", "", "Go-http-client/1.1");

    private static final List<Object> EVENT_VALUES = List.of("curl/7.64.1", "CURL/7.64.1", "curl/7.64", "curl/7.64.10",
            "wget", "WGET", "wge", "Python-Requests/2.25.1", 443, 443L, "443", 444, 1.5, 1.5f, "1.50", "ärger", "ÄRGER",
            "Ärger", "STRASSE", "STRAßE", "straße", "", " ", "mozilla/5.0 (windows nt; windows nt 10.0; de-de)",
            "Go-http-client/1.1 ", true, "nothing");

    private static List<ValuePredicate> linear() {
        List<ValuePredicate> out = new ArrayList<>();
        for (String v : RULE_VALUES) {
            out.add(new StringPredicate(SigmaString.parse(v), false));
        }
        return out;
    }

    @Test
    void hashPathAgreesWithLinearPath() {
        List<ValuePredicate> linear = linear();
        List<ValuePredicate> hashed = FieldTest.withEqualsSet(linear);
        assertThat(hashed).hasSize(1).first().isInstanceOf(EqualsSet.class);
        int matched = 0;
        for (Object value : EVENT_VALUES) {
            boolean expected = linear.stream().anyMatch(p -> p.test(value));
            boolean actual = hashed.stream().anyMatch(p -> p.test(value));
            assertThat(actual).as("value %s (%s)", value, value.getClass().getSimpleName()).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        // the fixture exercises both answers: case variants, numbers as text, the empty value
        assertThat(matched).isEqualTo(17);
    }

    @Test
    void casedWildcardAndFewValuesStayLinear() {
        List<ValuePredicate> mixed = new ArrayList<>(linear());
        mixed.add(new StringPredicate(SigmaString.parse("*evil*"), false));
        mixed.add(new StringPredicate(SigmaString.parse("Cased"), true));
        List<ValuePredicate> hashed = FieldTest.withEqualsSet(mixed);
        assertThat(hashed).hasSize(3);
        assertThat(hashed.get(0)).isInstanceOf(EqualsSet.class);
        assertThat(hashed.get(0).test("CASED")).isFalse();
        assertThat(hashed.stream().anyMatch(p -> p.test("cased"))).isFalse();
        assertThat(hashed.stream().anyMatch(p -> p.test("Cased"))).isTrue();
        assertThat(hashed.stream().anyMatch(p -> p.test("very EVIL thing"))).isTrue();

        List<ValuePredicate> few = linear().subList(0, FieldTest.EQUALS_SET_MIN - 1);
        assertThat(FieldTest.withEqualsSet(few)).isSameAs(few);
    }

    @Test
    void emptyValueLeavesNoLiteralForThePrefilter() {
        assertThat(FieldTest.withEqualsSet(linear()).get(0).requiredLiterals()).isNull();
        List<ValuePredicate> noEmpty = linear().subList(0, 8);
        assertThat(FieldTest.withEqualsSet(noEmpty).get(0).requiredLiterals()).contains("curl/7.64.1", "ärger", "straße");
    }
}
