package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.SigmaFixtures.event;
import static org.fenghuo.detection.sigma.SigmaFixtures.matches;
import static org.fenghuo.detection.sigma.SigmaFixtures.rule;
import static org.fenghuo.detection.sigma.SigmaFixtures.ruleSet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

/** Rules on ECS events: field mapping, log-source conditions, lists, keywords, alerts. */
class EvaluationTest {

    /** linux/auth: events with event.category authentication; User maps to user.name or user.id. */
    private static final PipelineResolver LINUX_AUTH = ls -> "auth".equals(ls.service())
            ? new LogSourceMapping(List.of("test"), List.of(new FieldCondition("event.category", List.of("authentication"))),
                    Map.of("User", List.of("user.name", "user.id")), null)
            : new LogSourceMapping(List.of("test"), List.of(), Map.of(), "no mapping for " + ls);

    private static SigmaRuleSet withResolver(String detection, PipelineResolver resolver) {
        LoadResult r = SigmaRuleSet.fromYaml("t.yml", rule(detection), resolver, Map.of(), null);
        assertThat(r.report().rejections()).isEmpty();
        return r.ruleSet();
    }

    @Test
    void fieldNamesGoThroughTheMappingAndAnyMappedNameMatches() {
        SigmaRuleSet set = withResolver("sel:\n    User: root\ncondition: sel\n", LINUX_AUTH);
        assertThat(matches(set, "{\"event\":{\"category\":[\"authentication\"]},\"user\":{\"name\":\"root\"}}")).isTrue();
        assertThat(matches(set, "{\"event\":{\"category\":[\"authentication\"]},\"user\":{\"id\":\"ROOT\"}}")).isTrue();
        assertThat(matches(set, "{\"event\":{\"category\":[\"authentication\"]},\"User\":\"root\"}"))
                .as("the Sigma name is not read once mapped").isFalse();
    }

    @Test
    void ruleAppliesOnlyWhenAllLogSourceConditionsHold() {
        SigmaRuleSet set = withResolver("sel:\n    User: root\ncondition: sel\n", LINUX_AUTH);
        assertThat(matches(set, "{\"event\":{\"category\":[\"process\",\"Authentication\"]},\"user\":{\"name\":\"root\"}}"))
                .as("any element of a list, case-insensitive").isTrue();
        assertThat(matches(set, "{\"event\":{\"category\":[\"network\"]},\"user\":{\"name\":\"root\"}}")).isFalse();
        assertThat(matches(set, "{\"user\":{\"name\":\"root\"}}")).isFalse();
    }

    @Test
    void unsupportedLogSourceIsRejectedWithThePipelinesReason() {
        String windows = rule("sel:\n    a: 1\ncondition: sel\n").replace("service: auth", "service: security");
        LoadResult r = SigmaRuleSet.fromYaml("t.yml", windows, LINUX_AUTH, Map.of(), null);
        assertThat(r.report().rejections()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo(RejectReason.UNSUPPORTED_LOGSOURCE);
            assertThat(x.detail()).startsWith("no mapping for");
        });
    }

    @Test
    void listFieldMatchesWhenAnyElementDoes() {
        SigmaRuleSet set = ruleSet("sel:\n    dns.answers.data|endswith: '.onion'\ncondition: sel\n");
        assertThat(matches(set, "{\"dns\":{\"answers\":[{\"data\":\"a.example\"},{\"data\":\"x.ONION\"}]}}")).isTrue();
        assertThat(matches(set, "{\"dns\":{\"answers\":[{\"data\":\"a.example\"}]}}")).isFalse();
    }

    @Test
    void extraFieldsAreReadByDottedName() {
        SigmaRuleSet set = ruleSet("sel:\n    source.geo.country_iso_code: KP\ncondition: sel\n");
        assertThat(matches(set, "{\"source\":{\"ip\":\"1.2.3.4\",\"geo\":{\"country_iso_code\":\"kp\"}}}")).isTrue();
        assertThat(matches(set, "{\"source\":{\"ip\":\"1.2.3.4\"}}")).isFalse();
    }

    @Test
    void keywordsSearchMessageAndEventOriginal() {
        SigmaRuleSet set = ruleSet("keywords:\n    - 'event::clear'\n    - 'event::drop'\ncondition: keywords\n");
        assertThat(matches(set, "{\"message\":\"mimikatz # EVENT::Clear\"}")).isTrue();
        assertThat(matches(set, "{\"event\":{\"original\":\"<13>x event::drop y\"}}")).isTrue();
        assertThat(matches(set, "{\"message\":\"event clear\",\"user\":{\"name\":\"event::clear\"}}")).isFalse();
        SigmaRuleSet all = ruleSet("keywords:\n    '|all':\n        - 'OabVirtualDirectory'\n        - ' -ExternalUrl '\n"
                + "condition: keywords\n");
        assertThat(matches(all, "{\"message\":\"Set-OabVirtualDirectory -ExternalUrl http://x\"}")).isTrue();
        assertThat(matches(all, "{\"message\":\"Set-OabVirtualDirectory\"}")).isFalse();
    }

    @Test
    void mapIsAndListOfMapsIsOr() {
        SigmaRuleSet map = ruleSet("sel:\n    process.name: sshd\n    event.outcome: failure\ncondition: sel\n");
        assertThat(matches(map, "{\"process\":{\"name\":\"sshd\"},\"event\":{\"outcome\":\"failure\"}}")).isTrue();
        assertThat(matches(map, "{\"process\":{\"name\":\"sshd\"},\"event\":{\"outcome\":\"success\"}}")).isFalse();
        SigmaRuleSet list = ruleSet("sel:\n    - process.name: sshd\n    - event.outcome: failure\ncondition: sel\n");
        assertThat(matches(list, "{\"process\":{\"name\":\"cron\"},\"event\":{\"outcome\":\"failure\"}}")).isTrue();
        assertThat(matches(list, "{\"process\":{\"name\":\"cron\"},\"event\":{\"outcome\":\"success\"}}")).isFalse();
    }

    @Test
    void matchBecomesAnAlertWithTheRulesMetadata() {
        SigmaRuleSet set = ruleSet("sel:\n    process.name: sshd\ncondition: sel\n");
        List<SigmaMatch> m = set.evaluate(event(
                "{\"@timestamp\":\"2026-11-23T10:00:00Z\",\"event\":{\"id\":\"ev-1\"},\"process\":{\"name\":\"sshd\"},"
                        + "\"source\":{\"ip\":\"203.0.113.9\"}}"));
        assertThat(m).hasSize(1);
        Alert a = m.get(0).toAlert();
        assertThat(a.ruleId()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(a.ruleName()).isEqualTo("Test rule");
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(a.tactics()).containsExactly(AttackTactic.CREDENTIAL_ACCESS);
        assertThat(a.techniques()).containsExactly(AttackTechnique.of("T1110.001"));
        assertThat(a.eventIds()).containsExactly("ev-1");
        assertThat(a.timestamp()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(m.get(0).toAlert().id()).as("deterministic").isEqualTo(a.id());
    }

    @Test
    void noMatchIsTheSharedEmptyList() {
        SigmaRuleSet set = ruleSet("sel:\n    process.name: sshd\ncondition: sel\n");
        assertThat(set.evaluate(event("{\"process\":{\"name\":\"cron\"}}"))).isSameAs(List.of());
    }
}
