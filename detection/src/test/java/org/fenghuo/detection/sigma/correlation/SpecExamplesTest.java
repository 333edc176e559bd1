package org.fenghuo.detection.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Conformance with the Sigma specification's own correlation examples (shared/data/sigma, skipped
 * when absent): the schema test files and the YAML examples of the specification text.
 */
class SpecExamplesTest {
    private static final String SPEC = "sigma/sigma-specification";
    private static final Pattern YAML_BLOCK = Pattern.compile("```ya?ml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everySchemaTestCorrelationLoads() throws Exception {
        Path dir = SharedData.require(SPEC + "/tests/schema/correlation");
        List<Path> files = SharedData.files(dir, ".yml");
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        List<SigmaCorrelation> all = new ArrayList<>();
        for (Path f : files) {
            // one by one: they are independent examples, two of them share an id
            CorrelationLoadReport r = new CorrelationLoader().loadFiles(List.of(f));
            assertThat(r.rejected()).as(f.toString()).isEmpty();
            assertThat(r.correlations()).as(f.toString()).hasSize(1);
            all.addAll(r.correlations());
        }
        assertThat(all).extracting(SigmaCorrelation::type).contains(CorrelationType.values());
    }

    /**
     * The examples in the specification's text that define a correlation type. Several are excerpts
     * without a title (mandatory): those get one, as the spec shows only the part it discusses.
     */
    @Test
    void everyCorrelationExampleOfTheSpecificationLoads() throws Exception {
        Path spec = SharedData.require(SPEC + "/specification").resolve("sigma-correlation-rules-specification.md");
        Matcher m = YAML_BLOCK.matcher(Files.readString(spec));
        List<String> examples = new ArrayList<>();
        while (m.find()) {
            String yaml = m.group(1);
            if (yaml.contains("correlation:") && yaml.contains("type:")) {
                examples.add(yaml.startsWith("title:") ? yaml : "title: excerpt\n" + yaml);
            }
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
        int correlations = 0;
        for (String yaml : examples) {
            CorrelationLoadReport r = new CorrelationLoader().load(spec.getFileName().toString(), yaml);
            assertThat(r.rejected()).as(yaml).isEmpty();
            correlations += r.correlations().size();
        }
        assertThat(correlations).as("one per example, two in the chained one").isEqualTo(examples.size() + 1);
    }

    @Test
    void theChainedExampleResolvesItsReferencesWithinTheFile() throws Exception {
        Path spec = SharedData.require(SPEC + "/specification").resolve("sigma-correlation-rules-specification.md");
        Matcher m = YAML_BLOCK.matcher(Files.readString(spec));
        String chained = null;
        while (m.find()) {
            if (m.group(1).contains("\n---\n")) {
                chained = m.group(1);
            }
        }
        assertThat(chained).as("the multi-document example").isNotNull();
        CorrelationLoadReport r = new CorrelationLoader(Set.of()).load("spec", chained);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.correlations()).extracting(SigmaCorrelation::type)
                .containsExactly(CorrelationType.TEMPORAL_ORDERED, CorrelationType.EVENT_COUNT);
        assertThat(r.skipped()).hasSize(2);
    }

    /** SigmaHQ's rule set holds no correlation: every document is read and skipped, none rejected. */
    @Test
    void theSigmaHqRulesAreSkippedAsNotCorrelationsWithoutARejection() throws Exception {
        Path rules = SharedData.require("sigma/rules");
        int files = SharedData.files(rules, ".yml").size();
        CorrelationLoadReport r = new CorrelationLoader().loadDirectory(rules);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.correlations()).isEmpty();
        assertThat(r.skipped()).hasSizeGreaterThanOrEqualTo(files).allSatisfy(p -> {
            assertThat(p.reason()).isEqualTo("not a correlation");
            assertThat(p.location().line()).isPositive();
        });
        assertThat(files).isGreaterThan(1000);
    }
}
