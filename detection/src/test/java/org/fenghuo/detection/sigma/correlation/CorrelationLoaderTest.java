package org.fenghuo.detection.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

class CorrelationLoaderTest {

    @Test
    void everyFixtureLoadsWithItsFieldsRead() {
        SigmaCorrelation c = CorrelationFixtures.load("event_count.yml").get(0);
        assertThat(c.type()).isEqualTo(CorrelationType.EVENT_COUNT);
        assertThat(c.id()).isEqualTo("3f1b2c4d-1111-4a5b-8c6d-000000000001");
        assertThat(c.rules()).containsExactly("ssh_auth_failure");
        assertThat(c.groupBy()).containsExactly("source.ip");
        assertThat(c.timespan()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.condition().lower()).isEqualTo(5.0);
        assertThat(c.condition().lowerInclusive()).isTrue();
        assertThat(c.tags()).containsExactly("attack.credential_access", "attack.t1110.001");
        assertThat(c.location().line()).isEqualTo(1);

        assertThat(CorrelationFixtures.load("value_count.yml").get(0).condition().fields()).containsExactly("user.name");
        SigmaCorrelation temporal = CorrelationFixtures.load("temporal.yml").get(0);
        assertThat(temporal.condition().lower()).as("temporal default: all rules").isEqualTo(3.0);
        assertThat(CorrelationFixtures.load("value_percentile.yml").get(0).condition().percentile()).isEqualTo(90);
        assertThat(CorrelationFixtures.load("value_avg.yml").get(0).timespan()).isEqualTo(Duration.ofDays(1));
        assertThat(CorrelationFixtures.load("value_sum.yml").get(0).condition().describe()).isEqualTo("> 1000");
        assertThat(CorrelationFixtures.load("temporal_ordered.yml").get(0).type())
                .isEqualTo(CorrelationType.TEMPORAL_ORDERED);
        assertThat(CorrelationFixtures.load("aliases.yml").get(0).aliases().get("server"))
                .containsEntry("server_error", "destination.ip").containsEntry("new_connection", "source.ip");
    }

    @Test
    void aMultiDocumentFileGivesItsCorrelationsAndSkipsItsBaseRules() {
        CorrelationLoadReport r = new CorrelationLoader(Set.of())
                .load("chain.yml", CorrelationFixtures.text("chain_failed_then_success.yml"));
        assertThat(r.rejected()).isEmpty();
        assertThat(r.correlations()).extracting(SigmaCorrelation::title)
                .containsExactly("Several failed logins then a successful one", "Several failed logins");
        assertThat(r.skipped()).extracting(CorrelationProblem::reason).containsOnly("not a correlation");
        assertThat(r.skipped()).extracting(p -> p.location().line()).containsExactly(28, 37);
        assertThat(r.correlations().get(1).location().line()).isEqualTo(16);
    }

    @Test
    void aRangeConditionAndAFieldListAreRead() {
        CorrelationLoadReport r = load("""
                title: range
                correlation:
                    type: value_count
                    rules: [a]
                    group-by: [host.name]
                    timespan: 90m
                    condition:
                        field: [user.name, source.ip]
                        gt: 100
                        lte: 200
                """);
        CorrelationCondition c = r.correlations().get(0).condition();
        assertThat(c.fields()).containsExactly("user.name", "source.ip");
        assertThat(c.test(100)).isFalse();
        assertThat(c.test(101)).isTrue();
        assertThat(c.test(200)).isTrue();
        assertThat(c.test(201)).isFalse();
        assertThat(r.correlations().get(0).timespan()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void badDocumentsAreRejectedWithLineAndReasonAndTheOthersStillLoad() {
        String yaml = """
                title: unknown type
                correlation:
                    type: event_sum
                    rules: [a]
                    timespan: 1h
                    condition: {gte: 1}
                ---
                title: no timespan
                correlation:
                    type: event_count
                    rules: [a]
                    condition: {gte: 1}
                ---
                title: value_count without field
                correlation:
                    type: value_count
                    rules: [a]
                    timespan: 1h
                    condition:
                        gte: 3
                ---
                title: bad timespan
                correlation:
                    type: event_count
                    rules: [a]
                    timespan: 5min
                    condition: {gte: 1}
                ---
                title: good one
                correlation:
                    type: event_count
                    rules: [a]
                    group-by: [source.ip]
                    timespan: 1h
                    condition: {gte: 2}
                """;
        CorrelationLoadReport r = new CorrelationLoader().load("mixed.yml", yaml);
        assertThat(r.correlations()).extracting(SigmaCorrelation::title).containsExactly("good one");
        assertThat(r.rejected()).hasSize(4);
        assertRejected(r.rejected().get(0), 3, "unknown correlation type \"event_sum\"");
        assertRejected(r.rejected().get(1), 9, "correlation.timespan is missing");
        assertRejected(r.rejected().get(2), 19, "condition.field is mandatory for value_count");
        assertRejected(r.rejected().get(3), 26, "timespan \"5min\" is not a number followed by s, m, h, d or w");
        assertThat(r.rejected()).allSatisfy(p -> assertThat(p.location().source()).isEqualTo("mixed.yml"));
    }

    /** A bad document (its correlation mapping in flow style after {@code title: t}) and what the rejection says. */
    static Stream<Arguments> badDocuments() {
        return Stream.of(
                bad("{type: event_count, rules: [a], timespan: 1h}", "condition is mandatory for event_count"),
                bad("{type: event_count, rules: [a], timespan: 1h, condition: {gt: 1, gte: 2}}",
                        "two lower or two upper bounds"),
                bad("{type: event_count, rules: [a], timespan: 1h, condition: {gt: 5, lt: 3}}", "range is empty"),
                bad("{type: event_count, rules: [a], timespan: 1h, condition: {gte: many}}",
                        "condition gte must be a number"),
                bad("{type: event_count, rules: [a], timespan: 1h, condition: {field: x, gte: 2}}",
                        "only for the value_* types"),
                bad("{type: temporal_ordered, rules: [a, b], timespan: 1h, condition: {gte: 1}}",
                        "temporal_ordered takes no condition"),
                bad("{type: temporal, rules: [a], timespan: 1h}", "needs at least two rules"),
                bad("{type: temporal, rules: [a, b], timespan: 1h, aliases: {ip: {c: source.ip}}}",
                        "names rule c, which is not in correlation.rules"),
                bad("{type: event_count, rules: [a, a], timespan: 1h, condition: {gte: 1}}", "lists a twice"),
                bad("{type: event_count, rules: [a], timespan: 1h, timespan: 2h, condition: {gte: 1}}",
                        "correlation.timespan is given twice"),
                bad("{type: value_sum, rules: [a], timespan: 1h, condition: {field: [x, y], gte: 1}}",
                        "value_sum takes one field"),
                bad("{type: value_percentile, rules: [a], timespan: 1h, condition: {field: x, percentile: 101, gte: 1}}",
                        "integer 0-100"),
                bad("{type: temporal, rules: [a, b], timespan: 1h, condition: a and b}",
                        "extended (boolean expression) conditions are not supported"),
                bad("{type: event_count, rules: [a], timespan: 1h, window: 2h, condition: {gte: 1}}",
                        "unknown key correlation.window"),
                bad("{type: event_count, rules: [a], timespan: 0s, condition: {gte: 1}}", "greater than zero"),
                bad("{type: event_count, rules: [a], timespan: 1h, condition: {gte: 1}}\nlevel: severe",
                        "unknown Sigma level \"severe\""),
                Arguments.of("correlation: {type: event_count, rules: [a], timespan: 1h, condition: {gte: 1}}",
                        "title is mandatory"));
    }

    private static Arguments bad(String correlation, String reason) {
        return Arguments.of("title: t\ncorrelation: " + correlation + "\n", reason);
    }

    @ParameterizedTest
    @MethodSource("badDocuments")
    void moreKindsOfBadDocumentAreEachNamed(String yaml, String reason) {
        CorrelationLoadReport r = new CorrelationLoader().load("bad.yml", yaml);
        assertThat(r.correlations()).isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(p -> assertThat(p.reason()).contains(reason));
    }

    @Test
    void referencesAreCheckedAgainstTheKnownRulesAndTheOtherCorrelations() {
        String yaml = """
                title: outer
                correlation:
                    type: temporal
                    rules: [inner, known_rule]
                    group-by: [user.name]
                    timespan: 1h
                ---
                title: inner
                name: inner
                correlation:
                    type: event_count
                    rules: [known_rule]
                    group-by: [user.name]
                    timespan: 1h
                    condition: {gte: 2}
                ---
                title: typo
                correlation:
                    type: event_count
                    rules: [knwon_rule]
                    group-by: [user.name]
                    timespan: 1h
                    condition: {gte: 2}
                """;
        CorrelationLoadReport checked = new CorrelationLoader(Set.of("known_rule")).load("refs.yml", yaml);
        assertThat(checked.correlations()).extracting(SigmaCorrelation::title).containsExactly("outer", "inner");
        assertThat(checked.rejected()).singleElement().satisfies(p -> {
            assertThat(p.reason()).contains("unknown rule \"knwon_rule\"");
            assertThat(p.location().line()).isEqualTo(17);
        });
        assertThat(new CorrelationLoader().load("refs.yml", yaml).correlations()).as("no known set: not checked")
                .hasSize(3);
    }

    @Test
    void cyclesDuplicatesAndCorrelationsOnRejectedOnesAreRejected() {
        String yaml = """
                title: a
                name: a
                correlation: {type: temporal, rules: [b, x], group-by: [u], timespan: 1h}
                ---
                title: b
                name: b
                correlation: {type: temporal, rules: [a, x], group-by: [u], timespan: 1h}
                ---
                title: c
                name: c
                correlation: {type: event_count, rules: [bad], group-by: [u], timespan: 1h, condition: {gte: 1}}
                ---
                title: bad
                name: bad
                correlation: {type: event_count, rules: [x], timespan: 1 hour, condition: {gte: 1}}
                ---
                title: c again
                name: c
                correlation: {type: event_count, rules: [x], timespan: 1h, condition: {gte: 1}}
                """;
        CorrelationLoadReport r = new CorrelationLoader().load("cycle.yml", yaml);
        assertThat(r.correlations()).isEmpty();
        assertThat(r.rejected()).extracting(CorrelationProblem::title)
                .containsExactlyInAnyOrder("a", "b", "c", "bad", "c again");
        assertThat(r.rejected()).filteredOn(p -> "a".equals(p.title())).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("a cycle"));
        assertThat(r.rejected()).filteredOn(p -> "c".equals(p.title())).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("refers to the rejected correlation \"bad\""));
        assertThat(r.rejected()).filteredOn(p -> "c again".equals(p.title())).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("already used by the correlation at cycle.yml:9"));
    }

    @Test
    void aYamlSyntaxErrorKeepsTheDocumentsBeforeItAndNamesItsLine() {
        String yaml = """
                title: fine
                correlation: {type: event_count, rules: [x], timespan: 1h, condition: {gte: 1}}
                ---
                title: broken
                correlation:
                  type: [event_count
                  rules: x
                """;
        CorrelationLoadReport r = new CorrelationLoader().load("syntax.yml", yaml);
        assertThat(r.correlations()).extracting(SigmaCorrelation::title).containsExactly("fine");
        assertThat(r.rejected()).singleElement().satisfies(p -> {
            assertThat(p.reason()).startsWith("YAML syntax error");
            assertThat(p.location().line()).isBetween(6, 8);
        });
    }

    @Test
    void filesAndDirectoriesLoadTogetherAndAnUnreadableFileIsReported(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yml"), CorrelationFixtures.text("event_count.yml"));
        Files.writeString(dir.resolve("b.yaml"), CorrelationFixtures.text("chain_failed_then_success.yml"));
        Files.writeString(dir.resolve("notes.txt"), "not yaml: [");
        CorrelationLoadReport r = new CorrelationLoader().loadDirectory(dir);
        assertThat(r.correlations()).hasSize(3);
        assertThat(r.skipped()).hasSize(2);
        assertThat(r.rejected()).isEmpty();

        CorrelationLoadReport missing = new CorrelationLoader().loadFiles(List.of(dir.resolve("a.yml"),
                dir.resolve("absent.yml")));
        assertThat(missing.correlations()).hasSize(1);
        assertThat(missing.rejected()).singleElement().satisfies(p -> {
            assertThat(p.reason()).startsWith("cannot read the file");
            assertThat(p.location().source()).endsWith("absent.yml");
        });
    }

    private static CorrelationLoadReport load(String yaml) {
        CorrelationLoadReport r = new CorrelationLoader().load("test.yml", yaml);
        assertThat(r.rejected()).isEmpty();
        return r;
    }

    private static void assertRejected(CorrelationProblem p, int line, String reason) {
        assertThat(p.reason()).contains(reason);
        assertThat(p.location().line()).as(p.toString()).isEqualTo(line);
    }
}
