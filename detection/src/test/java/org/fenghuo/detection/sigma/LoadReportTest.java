package org.fenghuo.detection.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.SigmaFixtures.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a directory goes on past every bad file and reports each with file, line and reason. */
class LoadReportTest {

    @Test
    void badDocumentsAreReportedAndTheRestLoads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a_good.yml"), rule("sel:\n    process.name: sshd\ncondition: sel\n"));
        Files.writeString(dir.resolve("b_malformed.yml"), "title: broken\ndetection:\n  sel: [a, b\n");
        Files.writeString(dir.resolve("c_modifier.yml"),
                rule("sel:\n    process.name|sometimes: sshd\ncondition: sel\n").replace("11111111", "22222222"));
        Files.writeString(dir.resolve("d_condition.yml"),
                rule("sel:\n    process.name: sshd\ncondition: sel and or\n").replace("11111111", "33333333"));
        Files.writeString(dir.resolve("e_correlation.yml"),
                "title: brute force\ncorrelation:\n    type: event_count\n    rules: [x]\n");
        Files.writeString(dir.resolve("f_multi.yaml"), rule("sel:\n    process.name: cron\ncondition: sel\n")
                .replace("11111111", "44444444") + "---\n" + rule("sel:\n    x|re: '(?<=a)b'\ncondition: sel\n")
                .replace("11111111", "55555555"));
        Files.writeString(dir.resolve("g_duplicate.yml"), rule("sel:\n    process.name: sshd\ncondition: sel\n"));
        Files.writeString(dir.resolve("notes.txt"), "not yaml, not read");

        LoadResult r = SigmaRuleSet.load(dir, PipelineResolver.IDENTITY, Map.of());
        LoadReport report = r.report();
        assertThat(report.rulesLoaded()).isEqualTo(2);
        assertThat(r.ruleSet().size()).isEqualTo(2);
        assertThat(report.rejectedByReason()).containsOnly(Map.entry(RejectReason.YAML_SYNTAX, 1),
                Map.entry(RejectReason.UNKNOWN_MODIFIER, 1), Map.entry(RejectReason.BAD_CONDITION, 1),
                Map.entry(RejectReason.UNSUPPORTED_REGEX, 1), Map.entry(RejectReason.DUPLICATE_ID, 1));
        assertThat(report.rejections()).extracting(x -> Path.of(x.file()).getFileName().toString() + ":" + x.line())
                .containsExactly("b_malformed.yml:3", "c_modifier.yml:13", "d_condition.yml:14", "f_multi.yaml:28",
                        "g_duplicate.yml:1");
        assertThat(report.correlations()).singleElement()
                .satisfies(c -> assertThat(c.location()).endsWith("e_correlation.yml:1"));
        assertThat(report.summary()).startsWith("2 rules loaded, 5 rejected");
    }

    @Test
    void missingDirectoryIsAnIoRejection(@TempDir Path dir) {
        LoadResult r = SigmaRuleSet.load(dir.resolve("absent"), PipelineResolver.IDENTITY, Map.of());
        assertThat(r.report().rejectedByReason()).containsOnlyKeys(RejectReason.IO_ERROR);
        assertThat(r.ruleSet().size()).isZero();
    }
}
