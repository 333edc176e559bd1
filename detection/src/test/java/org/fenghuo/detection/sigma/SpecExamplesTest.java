package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.SigmaFixtures.matches;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specification's own example documents (sigma-specification/tests/schema) load as what they are. */
class SpecExamplesTest {

    @Test
    void ruleExamplesLoadEachOnItsOwn() throws IOException {
        Path rules = SharedData.require("sigma/sigma-specification/tests/schema/rules");
        for (Path file : SharedData.files(rules, ".yml")) {
            LoadResult r = SigmaRuleSet.load(file, PipelineResolver.IDENTITY, Map.of());
            assertThat(r.report().rejections()).as(file.toString()).isEmpty();
            assertThat(r.report().rulesLoaded()).as(file.toString()).isEqualTo(1);
        }
        LoadResult one = SigmaRuleSet.load(rules.resolve("rule_1.yml"), PipelineResolver.IDENTITY, Map.of());
        SigmaRule rule = one.ruleSet().rules().get(0).rule();
        assertThat(rule.tags()).containsExactly("attack.defense-evasion", "attack.t1211", "attack.t1562.001");
        assertThat(one.ruleSet().rules().get(0).info().version()).isEqualTo("2023-04-14");
        assertThat(one.ruleSet().rules().get(0).info().category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(matches(one.ruleSet(), "{\"Provider_Name\":\"application error\"}")).isTrue();
        assertThat(matches(one.ruleSet(), "{\"Provider_Name\":\"Application Hang\"}")).isFalse();
    }

    @Test
    void correlationExamplesAreHandedBack() throws IOException {
        Path dir = SharedData.require("sigma/sigma-specification/tests/schema/correlation");
        LoadResult r = SigmaRuleSet.load(dir, PipelineResolver.IDENTITY, Map.of());
        assertThat(r.report().rejections()).isEmpty();
        assertThat(r.report().correlations()).hasSize(SharedData.files(dir, ".yml").size()).isNotEmpty();
    }

    @Test
    void filterExampleSuppressesTheRuleItNames(@TempDir Path tmp) throws IOException {
        Path filter = SharedData.require("sigma/sigma-specification/tests/schema/filter").resolve("filter_ecs.yml");
        // our own rule carrying the id the example filter names
        Path rule = Files.writeString(tmp.resolve("dns.yml"), """
                title: DNS query to a watched domain
                id: 6f3e2987-db24-4c78-a860-b4f4095a7095
                logsource: {category: network, service: dns}
                detection:
                    selection:
                        dns.question.name|startswith: 'www.'
                    condition: selection
                level: low
                """);
        LoadResult r = SigmaRuleSet.load(List.of(rule, filter), PipelineResolver.IDENTITY, Map.of(), null);
        assertThat(r.report().filtersLoaded()).isEqualTo(1);
        assertThat(matches(r.ruleSet(), "{\"dns\":{\"question\":{\"name\":\"www.google.com\"}}}")).isFalse();
        assertThat(matches(r.ruleSet(), "{\"dns\":{\"question\":{\"name\":\"www.example.cn\"}}}")).isTrue();
    }
}
