package org.fenghuo.detection.sigma.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping.PrefixMapping;
import org.junit.jupiter.api.Test;

class PipelineLoaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(PipelineLoaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadsAValidFileWithItsItemsInOrder() {
        PipelineLoad l = PipelineLoader.load(fixture("high.yml"));

        assertThat(l.errors()).isEmpty();
        ProcessingPipeline p = l.pipeline();
        assertThat(p.name()).isEqualTo("high");
        assertThat(p.priority()).isEqualTo(30);
        assertThat(p.source()).endsWith("high.yml");
        assertThat(p.items()).extracting(ProcessingItem::id).containsExactly("rename_again", "rest");
        assertThat(p.items().get(0).transformation()).isEqualTo(new Transformation.FieldNameMapping(
                Map.of("src", List.of("client.ip"), "dst", List.of("destination.ip", "server.ip"))));
        assertThat(p.items().get(1).transformation()).isEqualTo(
                new Transformation.FieldNamePrefixMapping(List.of(new PrefixMapping("x.", "fenghuo.x."))));
    }

    @Test
    void unknownTransformationTypeNamesFileLineAndKnownTypes() {
        PipelineLoad l = PipelineLoader.load(fixture("bad-type.yml"));

        assertThat(l.ok()).isFalse();
        assertThat(l.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).endsWith("bad-type.yml");
            assertThat(e.line()).isEqualTo(9);
            assertThat(e.reason()).contains("unknown transformation type 'field_name_mangling'")
                    .contains("field_name_mapping", "rule_failure");
        });
    }

    @Test
    void missingKeysAreEachReportedWithTheLineOfTheirMapping() {
        PipelineLoad l = PipelineLoader.load(fixture("missing-keys.yml"));

        assertThat(l.pipeline()).isNull();
        assertThat(l.errors()).extracting(PipelineError::line, PipelineError::reason).containsExactly(
                tuple(1, "missing key 'priority'"),
                tuple(3, "missing key 'id'"),
                tuple(6, "missing key 'message'"));
    }

    @Test
    void badValuesAreAllReportedAtOnce() {
        PipelineLoad l = PipelineLoader.load(fixture("bad-values.yml"));

        assertThat(l.pipeline()).isNull();
        assertThat(l.errors()).extracting(PipelineError::line).containsExactly(2, 7, 10, 11, 13, 18);
        assertThat(l.errors()).extracting(PipelineError::reason).satisfiesExactly(
                r -> assertThat(r).isEqualTo("'priority' must be an integer, found 'high'"),
                r -> assertThat(r).isEqualTo("'mapping.x' must not be an empty list"),
                r -> assertThat(r).startsWith("'conditions' must be a non-empty mapping"),
                r -> assertThat(r).isEqualTo("'rule_cond_op' must be 'and' or 'or', found 'xor'"),
                r -> assertThat(r).isEqualTo("unsupported rule condition type 'field' (logsource or unmapped)"),
                r -> assertThat(r).startsWith("unknown key 'extra' in rule_failure 'c'"));
    }

    @Test
    void onlyTheProductPlaceholderIsKnownAndUnmappedTakesNoParts() {
        PipelineLoad l = PipelineLoader.parse("""
                name: p
                priority: 90
                transformations:
                  - id: a
                    type: add_condition
                    conditions:
                      event.module: ${service}
                  - id: b
                    type: add_condition
                    conditions:
                      event.module: ${product}
                    rule_conditions:
                      - {type: unmapped, product: aws}
                """, "p.yml");

        assertThat(l.pipeline()).isNull();
        assertThat(l.errors()).extracting(PipelineError::line, PipelineError::reason).containsExactly(
                tuple(7, "unknown placeholder in conditions.event.module '${service}' (only ${product})"),
                tuple(13, "unknown key 'product' in unmapped condition (allowed: [type])"));
    }

    @Test
    void yamlSyntaxErrorIsAnErrorWithItsLine() {
        PipelineLoad l = PipelineLoader.load(fixture("syntax.yml"));

        assertThat(l.ok()).isFalse();
        assertThat(l.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isGreaterThanOrEqualTo(5);
            assertThat(e.reason()).startsWith("YAML syntax:");
        });
    }

    @Test
    void duplicateIdsAndDuplicateKeysAreRejected() {
        String yaml = """
                name: dup
                priority: 1
                priority: 2
                transformations:
                  - id: a
                    type: rule_failure
                    message: m
                  - id: a
                    type: rule_failure
                    message: n
                """;
        PipelineLoad l = PipelineLoader.parse(yaml, "dup.yml");

        assertThat(l.errors()).extracting(PipelineError::toString).containsExactly(
                "dup.yml:3: duplicate key 'priority'", "dup.yml:8: duplicate transformation id 'a'");
    }

    @Test
    void notAMappingEmptyAndMissingFilesAreErrorsNotExceptions() {
        assertThat(PipelineLoader.parse("- a\n- b\n", "list.yml").errors()).singleElement()
                .extracting(PipelineError::reason).asString().contains("must be a mapping");
        assertThat(PipelineLoader.parse("", "empty.yml").errors()).singleElement()
                .extracting(PipelineError::reason).isEqualTo("empty document");
        assertThat(PipelineLoader.load(Path.of("/nonexistent/p.yml")).errors()).singleElement()
                .extracting(PipelineError::reason).asString().startsWith("cannot read");
        assertThat(PipelineLoader.loadResource("no/such.yml").errors()).singleElement()
                .extracting(PipelineError::reason).isEqualTo("no such resource");
        assertThat(PipelineLoader.parse("name: x\npriority: 1\ntransformations: []\n", "x.yml").errors())
                .singleElement().extracting(PipelineError::line).isEqualTo(3);
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String yaml = "name: deep\npriority: 1\ntransformations: " + "[".repeat(100) + "]".repeat(100) + "\n";

        assertThat(PipelineLoader.parse(yaml, "deep.yml").errors()).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("nesting deeper than 32"));
    }

    @Test
    void changeLogSourceNeedsAPartAndLogSourceConditionsNeedAField() {
        String yaml = """
                name: c
                priority: 1
                transformations:
                  - id: a
                    type: change_logsource
                  - id: b
                    type: rule_failure
                    message: m
                    rule_conditions:
                      - type: logsource
                """;
        assertThat(PipelineLoader.parse(yaml, "c.yml").errors()).extracting(PipelineError::line, PipelineError::reason)
                .containsExactly(
                        tuple(4, "change_logsource needs at least one of category, product, service"),
                        tuple(10, "a logsource condition needs at least one of category, product, service"));
    }
}
