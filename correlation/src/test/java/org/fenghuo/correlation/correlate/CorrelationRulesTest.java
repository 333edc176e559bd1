package org.fenghuo.correlation.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.util.InstantiationUtil;
import org.fenghuo.correlation.engine.EplRule;
import org.fenghuo.correlation.engine.Rejection;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.SigmaPack;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule spec travels in the job graph (Java serialisation) and loads into the engine's inputs. */
class CorrelationRulesTest {
    private static final EplRule RULE = new EplRule(new RuleInfo("epl.beacon", "beaconing", "2", Severity.HIGH,
            IncidentCategory.ABNORMAL_BEHAVIOUR, List.of(AttackTactic.values()[0]),
            List.of(AttackTechnique.of("T1071"), new AttackTechnique("T1071.004", "DNS"))),
            "@name('alert') select time, 'x' as message from Hit", Duration.ofMinutes(5));

    @Test
    void anEplRuleComesBackEqualFromItsSerialisableDescription() throws Exception {
        EplRuleSpec spec = EplRuleSpec.of(RULE);
        EplRuleSpec copy = InstantiationUtil.clone(spec);
        assertThat(copy.toRule()).isEqualTo(RULE);
    }

    @Test
    void rulesFromFilesTextsAndEplSurviveSerialisationAndLoad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yml");
        Files.writeString(file, Scenario.THREE_A + "---\ntitle: broken\nid: broken\ncorrelation: {type: event_count}\n");
        CorrelationRules rules = CorrelationRules.of(List.of(file, dir.resolve("missing.yml")), List.of(RULE))
                .withSigmaText("inline.yml", Scenario.RULES)
                .withKnownRules(Set.of("a", "b", "c"));
        CorrelationRules.Loaded loaded = InstantiationUtil.clone(rules).load();
        assertThat(loaded.correlations()).extracting(c -> c.ruleId())
                .containsExactly("three_a", "burst", "two_c", "users", "all_three", "a_then_c");
        assertThat(loaded.epl()).containsExactly(RULE);
        assertThat(loaded.rejected()).extracting(Rejection::reason).containsOnly(Rejection.Reason.INVALID);
        assertThat(loaded.rejected()).extracting(Rejection::location)
                .anySatisfy(l -> assertThat(l).startsWith(file + ":"))
                .anySatisfy(l -> assertThat(l).startsWith(dir.resolve("missing.yml").toString()));
    }

    @Test
    void aCorrelationNamingAnUnknownRuleIsRefusedWhenTheKnownRulesAreGiven() {
        CorrelationRules rules = Scenario.rules(Scenario.THREE_A).withKnownRules(Set.of("b"));
        assertThat(rules.load().rejected()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("three a");
            assertThat(r.detail()).contains("unknown rule \"a\"");
        });
    }

    @Test
    void aSigmaPackGivesItsCorrelationFilesAndItsRulesAsKnownReferences(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pack.yml"), """
                title: failed login
                id: 5f2a1c3e-0000-4000-8000-000000000001
                name: failed_login
                logsource: {product: linux, service: auth}
                detection: {sel: {event.outcome: failure}, condition: sel}
                ---
                title: many failures
                id: many_failures
                correlation: {type: event_count, rules: [failed_login], group-by: [source.ip], timespan: 1m, condition: {gte: 5}}
                ---
                title: unknown base rule
                id: orphan
                correlation: {type: event_count, rules: [nothing_like_it], timespan: 1m, condition: {gte: 5}}
                """);
        SigmaPack pack = SigmaPack.load(List.of(dir), PipelineResolver.IDENTITY, Map.of(), null);
        CorrelationRules rules = CorrelationRules.of(pack, List.of(RULE));
        assertThat(rules.sigmaFiles()).containsExactly(dir.resolve("pack.yml").toString());
        assertThat(rules.knownRules()).contains("failed_login", "5f2a1c3e-0000-4000-8000-000000000001");
        CorrelationRules.Loaded loaded = InstantiationUtil.clone(rules).load();
        assertThat(loaded.correlations()).extracting(c -> c.ruleId()).containsExactly("many_failures");
        assertThat(loaded.rejected()).singleElement().satisfies(r -> assertThat(r.detail()).contains("nothing_like_it"));
    }

    @Test
    void theOperatorSerialisesWithItsSpec() throws Exception {
        CorrelationOperator op = new CorrelationOperator(CorrelationRules.of(List.of(), List.of(RULE)),
                CorrelatorFactory.ESPER, new HitKeys(), CorrelationOperators.LATE_HITS);
        assertThat(InstantiationUtil.clone(op)).isNotNull();
    }
}
