package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.fenghuo.events.WarningLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IncidentClassifierTest {
    private final IncidentClassifier classifier = new IncidentClassifier(ClassificationSettings.defaults(), 2);

    @ParameterizedTest(name = "risk {0}, criticality {1}, CI {2}, impact {3} -> level {4} {5}")
    @CsvSource({
            // risk, criticality (0 = no known asset), critical infrastructure, Impact tactic, level, colour
            "97, 5, true,  false, 1, RED",
            "90, 3, true,  false, 1, RED",      // CI counts as criticality 5
            "89, 5, true,  false, 2, ORANGE",
            "95, 5, false, false, 2, ORANGE",   // level I needs critical infrastructure
            "70, 4, false, false, 2, ORANGE",
            "69, 4, false, false, 3, YELLOW",
            "80, 3, false, false, 3, YELLOW",   // level II needs criticality 4
            "50, 0, false, false, 3, YELLOW",
            "49, 5, false, false, 4, BLUE",
            "22, 0, false, false, 4, BLUE",
            "60, 5, true,  true,  2, ORANGE",   // Impact on critical infrastructure, risk >= 60: at least II
            "59, 5, true,  true,  3, YELLOW",
            "65, 5, false, true,  3, YELLOW",   // Impact, but not critical infrastructure
            "95, 5, true,  true,  1, RED",      // the floor never lowers a level
    })
    void levelTable(int risk, int criticality, boolean ci, boolean impact, int level, WarningLevel colour) {
        AssetImpact asset = criticality == 0 ? null : new AssetImpact("a", criticality, ci);
        Set<AttackTactic> tactics = impact ? Set.of(AttackTactic.INITIAL_ACCESS, AttackTactic.IMPACT)
                : Set.of(AttackTactic.INITIAL_ACCESS);

        Classification c = classifier.classify(List.of(), risk, asset, tactics);
        assertThat(c.level()).isEqualTo(level);
        assertThat(c.warningLevel()).isEqualTo(colour);
        assertThat(c.gbLevel()).isEqualTo(new String[] {"I", "II", "III", "IV"}[level - 1]);
    }

    @Test
    void categoryOfTheMostSevereAlertsThenTheMostCommonThenTheFirst() {
        List<CategoryCount> counts = List.of(
                new CategoryCount(IncidentCategory.NETWORK_ATTACK, Severity.MEDIUM, 40),
                new CategoryCount(IncidentCategory.MALICIOUS_PROGRAM, Severity.CRITICAL, 1),
                new CategoryCount(IncidentCategory.DATA_SECURITY, Severity.CRITICAL, 2));
        assertThat(IncidentClassifier.category(counts)).isEqualTo(IncidentCategory.DATA_SECURITY);

        List<CategoryCount> tie = List.of(
                new CategoryCount(IncidentCategory.ABNORMAL_BEHAVIOUR, Severity.HIGH, 2),
                new CategoryCount(IncidentCategory.NETWORK_ATTACK, Severity.HIGH, 2));
        assertThat(IncidentClassifier.category(tie)).isEqualTo(IncidentCategory.ABNORMAL_BEHAVIOUR);
        assertThat(IncidentClassifier.category(List.of())).isEqualTo(IncidentCategory.OTHER);
    }

    @Test
    void thresholdsAreConfigurable() {
        ClassificationSettings strict = new ClassificationSettings(new LevelThreshold(99, 5, true),
                new LevelThreshold(95, 5, false), new LevelThreshold(80, 1, false), 100, 3);
        IncidentClassifier c = new IncidentClassifier(strict, 2);
        assertThat(c.level(97, new AssetImpact("a", 5, true), Set.of(AttackTactic.IMPACT))).isEqualTo(2);
        assertThat(c.level(70, new AssetImpact("a", 5, true), Set.of(AttackTactic.IMPACT))).isEqualTo(4);
    }
}
