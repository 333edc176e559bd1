package org.fenghuo.detection.sigma.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.pipeline.PipelineLoaderTest.fixture;

import java.util.List;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.FieldCondition;
import org.junit.jupiter.api.Test;

class PipelinesTest {

    private static ProcessingPipeline parse(String yaml) {
        PipelineLoad l = PipelineLoader.parse(yaml, "test.yml");
        assertThat(l.errors()).isEmpty();
        return l.pipeline();
    }

    @Test
    void lowerPriorityRunsFirstWhateverTheOrderGivenAndTheFirstRenameWins() {
        Pipelines.Report r = Pipelines.load(List.of(fixture("high.yml"), fixture("low.yml")));

        assertThat(r.errors()).isEmpty();
        assertThat(r.pipelines().pipelines()).extracting(ProcessingPipeline::name).containsExactly("low", "high");
        LogSourceMapping m = r.pipelines().resolve(new LogSource(null, null, null));
        assertThat(m.ecsNames("src")).containsExactly("source.ip");
        assertThat(m.ecsNames("dst")).containsExactly("destination.ip", "server.ip");
        assertThat(m.ecsNames("x.y")).containsExactly("fenghuo.x.y");
        assertThat(m.ecsNames("other")).containsExactly("other");
        assertThat(m.isMapped("other")).isFalse();
        assertThat(m.pipelines()).containsExactly("low", "high");
    }

    @Test
    void conditionsApplyOnlyToTheirLogSourceCaseInsensitively() {
        Pipelines p = Pipelines.load(List.of(fixture("low.yml"))).pipelines();

        assertThat(p.resolve(new LogSource("FIREWALL", null, null)).conditions())
                .containsExactly(new FieldCondition("event.category", List.of("network")));
        assertThat(p.resolve(new LogSource("dns", null, null)).conditions()).isEmpty();
        assertThat(p.resolve(null).conditions()).isEmpty();
    }

    @Test
    void aBrokenFileIsLeftOutAndTheOthersStillWork() {
        Pipelines.Report r = Pipelines.load(List.of(fixture("bad-type.yml"), fixture("low.yml")));

        assertThat(r.errors()).hasSize(1);
        assertThat(r.pipelines().pipelines()).extracting(ProcessingPipeline::name).containsExactly("low");
    }

    @Test
    void ruleFailureMarksTheLogSourceUnsupportedWithTheFirstMessage() {
        Pipelines p = Pipelines.of(List.of(parse("""
                name: f
                priority: 1
                transformations:
                  - id: first
                    type: rule_failure
                    message: no decoder for smb
                    rule_conditions:
                      - {type: logsource, product: zeek, service: smb_files}
                  - id: second
                    type: rule_failure
                    message: everything zeek
                    rule_conditions:
                      - {type: logsource, product: zeek}
                """)));

        assertThat(p.resolve(new LogSource(null, "Zeek", "SMB_files")).unsupported()).isEqualTo("no decoder for smb");
        assertThat(p.resolve(new LogSource(null, "zeek", "dns")).unsupported()).isEqualTo("everything zeek");
        assertThat(p.resolve(new LogSource(null, "linux", null)).unsupported()).isNull();
    }

    @Test
    void changeLogSourceIsSeenByLaterItemsAndOrConditionsMatchAny() {
        Pipelines p = Pipelines.of(List.of(parse("""
                name: c
                priority: 1
                transformations:
                  - id: alias
                    type: change_logsource
                    category: process_creation
                    rule_conditions:
                      - {type: logsource, category: process_start}
                  - id: proc
                    type: add_condition
                    conditions:
                      event.type: [start]
                    rule_cond_op: or
                    rule_conditions:
                      - {type: logsource, category: process_creation}
                      - {type: logsource, product: sunos}
                  - id: both
                    type: add_condition
                    conditions:
                      event.kind: event
                    rule_conditions:
                      - {type: logsource, category: process_creation}
                      - {type: logsource, product: linux}
                """)));

        assertThat(p.resolve(new LogSource("process_start", null, null)).conditions())
                .containsExactly(new FieldCondition("event.type", List.of("start")));
        assertThat(p.resolve(new LogSource(null, "SunOS", null)).conditions()).hasSize(1);
        assertThat(p.resolve(new LogSource("process_creation", "linux", null)).conditions()).hasSize(2);
        assertThat(p.resolve(new LogSource("file_event", null, null)).conditions()).isEmpty();
    }

    @Test
    void aResolutionIsCachedAndImmutable() {
        Pipelines p = Pipelines.load(List.of(fixture("low.yml"))).pipelines();
        LogSourceMapping first = p.resolve(new LogSource("firewall", null, null));

        assertThat(p.resolve(new LogSource("Firewall", null, null))).isSameAs(first);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.fieldNames().put("a", List.of("b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void identityLeavesNamesAsWritten() {
        assertThat(PipelineResolver.IDENTITY.resolve(new LogSource("x", null, null)).ecsNames("Image"))
                .containsExactly("Image");
        assertThat(Pipelines.of(List.of()).resolve(new LogSource("x", null, null)).pipelines()).isEmpty();
    }

    /** A catch-all pipeline: aliases first, then the product's own name, only where nobody else applied. */
    private static final String CATCH_ALL = """
            name: products
            priority: 90
            transformations:
              - id: alias
                type: add_condition
                conditions:
                  event.module: o365
                rule_conditions:
                  - {type: unmapped}
                  - {type: logsource, product: m365}
              - id: own_name
                type: add_condition
                conditions:
                  event.module: ${product}
                  event.kind: [event, "alert-${product}"]
                rule_conditions:
                  - {type: unmapped}
            """;

    private static final String KNOWN = """
            name: known
            priority: 20
            transformations:
              - id: linux
                type: add_condition
                conditions:
                  event.module: syslog
                rule_conditions:
                  - {type: logsource, product: linux}
            """;

    @Test
    void productPlaceholderTakesTheLogSourcesOwnProductLowerCased() {
        Pipelines p = Pipelines.of(List.of(parse(CATCH_ALL), parse(KNOWN)));

        LogSourceMapping aws = p.resolve(new LogSource(null, "AWS", "cloudtrail"));
        assertThat(aws.conditions()).containsExactly(new FieldCondition("event.module", List.of("aws")),
                new FieldCondition("event.kind", List.of("event", "alert-aws")));
        assertThat(aws.pipelines()).containsExactly("products");
        assertThat(p.resolve(new LogSource(null, "m365", "audit")).conditions())
                .as("the alias applied, so the catch-all no longer does")
                .containsExactly(new FieldCondition("event.module", List.of("o365")));
        assertThat(p.resolve(new LogSource("antivirus", null, null)).conditions())
                .as("no product: a ${product} item does not apply").isEmpty();
        assertThat(p.resolve(new LogSource("antivirus", null, null)).pipelines()).isEmpty();
    }

    @Test
    void unmappedConditionHoldsOnlyWhereNoEarlierItemApplied() {
        Pipelines p = Pipelines.of(List.of(parse(CATCH_ALL), parse(KNOWN)));

        assertThat(p.resolve(new LogSource("process_creation", "linux", null)).conditions())
                .containsExactly(new FieldCondition("event.module", List.of("syslog")));
        assertThat(p.resolve(new LogSource("process_creation", "linux", null)).pipelines()).containsExactly("known");
        assertThat(p.resolve(new LogSource("application", "opencanary", null)).conditions())
                .contains(new FieldCondition("event.module", List.of("opencanary")));
    }
}
