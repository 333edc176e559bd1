package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.SigmaFixtures.matches;
import static org.fenghuo.detection.sigma.SigmaFixtures.rule;

import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.junit.jupiter.api.Test;

/** Global filters (sigma-filters-specification) and analysts' per-rule exceptions suppress matches. */
class FiltersAndExceptionsTest {
    private static final String RULE = rule("sel:\n    process.name: su\ncondition: sel\n");
    private static final String ADMIN = "{\"process\":{\"name\":\"su\"},\"user\":{\"name\":\"adm_alice\"},\"source\":{\"ip\":\"10.1.2.3\"}}";
    private static final String OTHER = "{\"process\":{\"name\":\"su\"},\"user\":{\"name\":\"mallory\"},\"source\":{\"ip\":\"198.51.100.4\"}}";

    @Test
    void globalFilterSuppressesTheRulesItNames() {
        String filter = """
                ---
                title: Filter Administrator account
                logsource:
                    product: linux
                filter:
                    rules:
                        - 11111111-2222-3333-4444-555555555555
                    selection:
                        user.name|startswith: 'adm_'
                    condition: selection
                """;
        LoadResult r = SigmaRuleSet.fromYaml("t.yml", RULE + filter, PipelineResolver.IDENTITY, Map.of(), null);
        assertThat(r.report().filtersLoaded()).isEqualTo(1);
        assertThat(matches(r.ruleSet(), ADMIN)).isFalse();
        assertThat(matches(r.ruleSet(), OTHER)).isTrue();
    }

    @Test
    void filterByRuleTitleAndUnknownRuleIsReported() {
        String byTitle = "---\ntitle: f\nlogsource: {product: linux}\nfilter:\n    rules: [Test rule]\n"
                + "    selection: {user.name: mallory}\n    condition: selection\n";
        LoadResult r = SigmaRuleSet.fromYaml("t.yml", RULE + byTitle, PipelineResolver.IDENTITY, Map.of(), null);
        assertThat(matches(r.ruleSet(), OTHER)).isFalse();
        assertThat(matches(r.ruleSet(), ADMIN)).isTrue();
        String unknown = byTitle.replace("Test rule", "no-such-rule");
        LoadResult u = SigmaRuleSet.fromYaml("t.yml", RULE + unknown, PipelineResolver.IDENTITY, Map.of(), null);
        assertThat(u.report().rejectedByReason()).containsEntry(RejectReason.UNKNOWN_RULE, 1);
        assertThat(matches(u.ruleSet(), OTHER)).isTrue();
    }

    @Test
    void exceptionsAllowlistFieldValuesPerRule() {
        String exceptions = """
                11111111-2222-3333-4444-555555555555:
                    - user.name: [adm_alice, adm_bob]
                    - source.ip|cidr: 192.0.2.0/24
                      user.name: mallory
                """;
        LoadResult r = SigmaRuleSet.fromYaml("t.yml", RULE, PipelineResolver.IDENTITY, Map.of(), exceptions);
        assertThat(r.report().exceptionsLoaded()).isEqualTo(2);
        assertThat(matches(r.ruleSet(), ADMIN)).isFalse();
        assertThat(matches(r.ruleSet(), OTHER)).as("mallory, but not from 192.0.2.0/24").isTrue();
        assertThat(matches(r.ruleSet(), OTHER.replace("198.51.100.4", "192.0.2.9"))).isFalse();
    }

    @Test
    void badExceptionsAreReportedAndTheRuleStaysActive() {
        String exceptions = "no-such-rule:\n    user.name: x\n11111111-2222-3333-4444-555555555555:\n    user.name|bogus: x\n";
        LoadResult r = SigmaRuleSet.fromYaml("t.yml", RULE, PipelineResolver.IDENTITY, Map.of(), exceptions);
        assertThat(r.report().rejectedByReason()).containsEntry(RejectReason.UNKNOWN_RULE, 1)
                .containsEntry(RejectReason.UNKNOWN_MODIFIER, 1);
        assertThat(r.report().rejections()).extracting(LoadReport.Rejection::line).containsExactly(1, 4);
        assertThat(matches(r.ruleSet(), ADMIN)).isTrue();
    }
}
