package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.fenghuo.events.AttackTactic.CREDENTIAL_ACCESS;
import static org.fenghuo.events.AttackTactic.IMPACT;
import static org.fenghuo.events.AttackTactic.INITIAL_ACCESS;
import static org.fenghuo.events.AttackTactic.LATERAL_MOVEMENT;
import static org.fenghuo.events.AttackTactic.RECONNAISSANCE;

import java.util.List;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

/** The worked examples of the README and of {@link RiskScorer}'s javadoc. */
class RiskScorerTest {
    private final RiskScorer scorer = new RiskScorer(ScoringSettings.defaults());

    @Test
    void highAlertOnCriticalityThreeWithCredentialAccess() {
        // 40*.75 + 30*3/5 + 30*((8/14 + 1/5)/2) = 30 + 18 + 11.571 = 59.57
        RiskScore r = scorer.score(Severity.HIGH, new AssetImpact("db", 3, false), List.of(CREDENTIAL_ACCESS));
        assertThat(r.severity()).isEqualTo(0.75);
        assertThat(r.criticality()).isEqualTo(0.6);
        assertThat(r.progression()).isCloseTo((8 / 14.0 + 0.2) / 2, within(1e-9));
        assertThat(r.value()).isEqualTo(60);
    }

    @Test
    void criticalKillChainOnCriticalInfrastructure() {
        // declared criticality 3, but critical infrastructure counts as 5: 40 + 30 + 30*((14/14 + 4/5)/2) = 97
        RiskScore r = scorer.score(Severity.CRITICAL, new AssetImpact("scada", 3, true),
                List.of(IMPACT, RECONNAISSANCE, LATERAL_MOVEMENT, INITIAL_ACCESS));
        assertThat(r.criticality()).isEqualTo(1.0);
        assertThat(r.progression()).isCloseTo(0.9, within(1e-9));
        assertThat(r.value()).isEqualTo(97);
    }

    @Test
    void lowAlertWithNothingKnown() {
        // 40*.25 + 30*2/5 + 0 = 22
        assertThat(scorer.score(Severity.LOW, null, List.of()).value()).isEqualTo(22);
    }

    @Test
    void mediumAlertThreeTacticsCriticalityFour() {
        // 20 + 24 + 30*((10/14 + 3/5)/2) = 20 + 24 + 19.714 = 63.71
        assertThat(scorer.score(Severity.MEDIUM, new AssetImpact("x", 4, false),
                List.of(RECONNAISSANCE, CREDENTIAL_ACCESS, LATERAL_MOVEMENT)).value()).isEqualTo(64);
    }

    @Test
    void moreTacticsFurtherAlongTheKillChainScoreHigher() {
        AssetImpact a = new AssetImpact("x", 3, false);
        int recon = scorer.score(Severity.MEDIUM, a, List.of(RECONNAISSANCE)).value();
        int impactOnly = scorer.score(Severity.MEDIUM, a, List.of(IMPACT)).value();
        int chain = scorer.score(Severity.MEDIUM, a, List.of(RECONNAISSANCE, INITIAL_ACCESS, LATERAL_MOVEMENT, IMPACT)).value();
        int repeated = scorer.score(Severity.MEDIUM, a, List.of(IMPACT, IMPACT, IMPACT)).value();
        assertThat(recon).isLessThan(impactOnly);
        assertThat(impactOnly).isLessThan(chain);
        assertThat(repeated).as("duplicates do not add breadth").isEqualTo(impactOnly);
    }

    @Test
    void weightsAreConfigurableAndMustSumToHundred() {
        RiskScorer severityOnly = new RiskScorer(new ScoringSettings(100, 0, 0, 2, 5));
        assertThat(severityOnly.score(Severity.MEDIUM, new AssetImpact("x", 5, true), List.of(IMPACT)).value()).isEqualTo(50);
        assertThatThrownBy(() -> new ScoringSettings(50, 30, 30, 2, 5)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("scoring.weights = severity 50 + criticality 30 + progression 30 = 110: expected a sum of 100");
    }
}
