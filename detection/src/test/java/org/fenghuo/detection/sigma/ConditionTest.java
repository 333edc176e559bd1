package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.SigmaFixtures.load;
import static org.fenghuo.detection.sigma.SigmaFixtures.matches;
import static org.fenghuo.detection.sigma.SigmaFixtures.rule;
import static org.fenghuo.detection.sigma.SigmaFixtures.ruleSet;

import org.fenghuo.detection.sigma.rule.RejectReason;
import org.junit.jupiter.api.Test;

/** Every condition form, on events built from three flags a, b, c (fields A, B, C equal to "1"). */
class ConditionTest {
    private static final String IDS = """
            sel_a:
                A: '1'
            sel_b:
                B: '1'
            sel_c:
                C: '1'
            _hidden:
                H: '1'
            """;

    private static SigmaRuleSet cond(String condition) {
        return ruleSet(IDS + "condition: " + condition + "\n");
    }

    private static boolean on(SigmaRuleSet set, boolean a, boolean b, boolean c) {
        return on(set, a, b, c, false);
    }

    private static boolean on(SigmaRuleSet set, boolean a, boolean b, boolean c, boolean h) {
        return matches(set, "{\"A\":\"" + (a ? 1 : 0) + "\",\"B\":\"" + (b ? 1 : 0) + "\",\"C\":\"" + (c ? 1 : 0)
                + "\",\"H\":\"" + (h ? 1 : 0) + "\"}");
    }

    /** Checks the rule against {@code expected} on all eight combinations of a, b, c. */
    private static void truthTable(String condition, java.util.function.Predicate<boolean[]> expected) {
        SigmaRuleSet set = cond(condition);
        for (int i = 0; i < 8; i++) {
            boolean a = (i & 1) != 0;
            boolean b = (i & 2) != 0;
            boolean c = (i & 4) != 0;
            assertThat(on(set, a, b, c)).as(condition + " with a=" + a + " b=" + b + " c=" + c)
                    .isEqualTo(expected.test(new boolean[] {a, b, c}));
        }
    }

    @Test
    void andOrNot() {
        truthTable("sel_a and sel_b", v -> v[0] && v[1]);
        truthTable("sel_a or sel_b", v -> v[0] || v[1]);
        truthTable("not sel_a", v -> !v[0]);
        truthTable("sel_a AND NOT sel_b", v -> v[0] && !v[1]);
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        truthTable("sel_a or sel_b and sel_c", v -> v[0] || (v[1] && v[2]));
        truthTable("sel_a and sel_b or sel_c", v -> (v[0] && v[1]) || v[2]);
        truthTable("not sel_a and sel_b", v -> !v[0] && v[1]);
        truthTable("not sel_a or sel_b", v -> !v[0] || v[1]);
    }

    @Test
    void parentheses() {
        truthTable("(sel_a or sel_b) and sel_c", v -> (v[0] || v[1]) && v[2]);
        truthTable("not (sel_a or sel_b)", v -> !(v[0] || v[1]));
        truthTable("((sel_a))", v -> v[0]);
    }

    @Test
    void oneOfAndAllOfPatterns() {
        truthTable("1 of sel_*", v -> v[0] || v[1] || v[2]);
        truthTable("all of sel_*", v -> v[0] && v[1] && v[2]);
        truthTable("1 of sel_* and not sel_c", v -> (v[0] || v[1] || v[2]) && !v[2]);
        truthTable("all of sel_* or sel_a", v -> (v[0] && v[1] && v[2]) || v[0]);
    }

    @Test
    void themExcludesUnderscoreIdentifiers() {
        truthTable("1 of them", v -> v[0] || v[1] || v[2]);
        truthTable("all of them", v -> v[0] && v[1] && v[2]);
        SigmaRuleSet all = cond("all of them");
        assertThat(on(all, true, true, true, false)).as("_hidden is not part of them").isTrue();
        SigmaRuleSet hidden = cond("_hidden");
        assertThat(on(hidden, false, false, false, true)).as("but can be named").isTrue();
    }

    @Test
    void listOfConditionsIsOr() {
        SigmaRuleSet set = ruleSet(IDS + "condition:\n    - sel_a and sel_b\n    - sel_c\n");
        assertThat(on(set, true, true, false)).isTrue();
        assertThat(on(set, false, false, true)).isTrue();
        assertThat(on(set, true, false, false)).isFalse();
    }

    @Test
    void unknownIdentifierIsRejectedWithReason() {
        LoadResult r = load(rule(IDS + "condition: sel_a and selection\n"));
        assertThat(r.report().rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(RejectReason.UNKNOWN_IDENTIFIER);
            assertThat(x.detail()).contains("selection");
            assertThat(x.line()).isEqualTo(20);
        });
        LoadResult pattern = load(rule(IDS + "condition: 1 of filter_*\n"));
        assertThat(pattern.report().rejectedByReason()).containsEntry(RejectReason.UNKNOWN_IDENTIFIER, 1);
    }

    @Test
    void badSyntaxIsRejected() {
        for (String bad : new String[] {"sel_a and", "(sel_a or sel_b", "sel_a sel_b", "and sel_a", "sel_a )",
                "1 of", "sel_a | count() > 5", ""}) {
            LoadResult r = load(rule(IDS + "condition: '" + bad + "'\n"));
            assertThat(r.report().rejectedByReason()).as(bad).containsOnlyKeys(RejectReason.BAD_CONDITION);
        }
    }
}
