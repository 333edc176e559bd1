package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/** The SigmaHQ rule packs in shared/data load (field names as written), with every rejection explained. */
class SigmaConformanceTest {

    /** The reasons a SigmaHQ rule may legitimately be refused by an in-memory ECS matcher. */
    private static final EnumSet<RejectReason> EXPECTED = EnumSet.of(RejectReason.UNSUPPORTED_REGEX,
            RejectReason.UNSUPPORTED_MODIFIER, RejectReason.UNKNOWN_PLACEHOLDER, RejectReason.BAD_CONDITION,
            RejectReason.NOT_A_RULE, RejectReason.DUPLICATE_ID);

    @Test
    void sigmaHqPacksLoad() {
        Path sigma = SharedData.require("sigma");
        List<Path> packs = List.of(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
                sigma.resolve("rules-threat-hunting"));
        LoadResult result = SigmaRuleSet.load(packs, PipelineResolver.IDENTITY, Map.of(), null);
        LoadReport report = result.report();
        System.out.println("Sigma conformance: " + report.summary());
        System.out.println("Sigma conformance: " + result.ruleSet().indexSummary());
        Map<String, Integer> details = new TreeMap<>();
        report.rejections().forEach(r -> details.merge(r.reason() + ": " + r.detail().replaceAll("\"[^\"]*\"", "\"…\""), 1, Integer::sum));
        details.forEach((k, v) -> System.out.println("  " + v + " x " + k));
        report.rejections().stream().limit(15).forEach(r -> System.out.println("  e.g. " + r));

        int total = report.rulesLoaded() + report.rejections().size();
        assertThat(total).as("documents seen").isGreaterThan(3000);
        assertThat(report.rulesLoaded()).as("rules loaded of " + total).isGreaterThanOrEqualTo((int) Math.ceil(total * 0.95));
        assertThat(report.rejectedByReason().keySet()).as("rejection reasons").isSubsetOf(EXPECTED);
    }
}
