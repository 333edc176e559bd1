package org.fenghuo.detection.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

    @Test
    void moreKindsOfBadDocumentAreEachNamed() {
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n"))
                .contains("condition is mandatory for event_count");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n"
                + "  condition: {gt: 1, gte: 2}\n")).contains("two lower or two upper bounds");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n"
                + "  condition: {gt: 5, lt: 3}\n")).contains("range is empty");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n"
                + "  condition: {gte: many}\n")).contains("condition gte must be a number");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n"
                + "  condition: {field: x, gte: 2}\n")).contains("only for the value_* types");
        assertThat(reason("title: t\ncorrelation:\n  type: temporal_ordered\n  rules: [a, b]\n  timespan: 1h\n"
                + "  condition: {gte: 1}\n")).contains("temporal_ordered takes no condition");
        assertThat(reason("title: t\ncorrelation:\n  type: temporal\n  rules: [a]\n  timespan: 1h\n"))
                .contains("needs at least two rules");
        assertThat(reason("title: t\ncorrelation:\n  type: temporal\n  rules: [a, b]\n  timespan: 1h\n"
                + "  aliases: {ip: {c: source.ip}}\n")).contains("names rule c, which is not in correlation.rules");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a, a]\n  timespan: 1h\n"
                + "  condition: {gte: 1}\n")).contains("lists a twice");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n"
                + "  timespan: 2h\n  condition: {gte: 1}\n")).contains("correlation.timespan is given twice");
        assertThat(reason("title: t\nlevel: severe\ncorrelation:\n  type: event_count\n  rules: [a]\n"
                + "  timespan: 1h\n  condition: {gte: 1}\n")).contains("unknown Sigma level \"severe\"");
        assertThat(reason("title: t\ncorrelation:\n  type: value_sum\n  rules: [a]\n  timespan: 1h\n"
                + "  condition: {field: [x, y], gte: 1}\n")).contains("value_sum takes one field");
        assertThat(reason("title: t\ncorrelation:\n  type: value_percentile\n  rules: [a]\n  timespan: 1h\n"
                + "  condition: {field: x, percentile: 101, gte: 1}\n")).contains("integer 0-100");
        assertThat(reason("title: t\ncorrelation:\n  type: temporal\n  rules: [a, b]\n  timespan: 1h\n"
                + "  condition: a and b\n")).contains("extended (boolean expression) conditions are not supported");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n"
                + "  window: 2h\n  condition: {gte: 1}\n")).contains("unknown key correlation.window");
        assertThat(reason("correlation:\n  type: event_count\n  rules: [a]\n  timespan: 1h\n  condition: {gte: 1}\n"))
                .contains("title is mandatory");
        assertThat(reason("title: t\ncorrelation:\n  type: event_count\n  rules: [a]\n  timespan: 0s\n"
                + "  condition: {gte: 1}\n")).contains("greater than zero");
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

    private static String reason(String yaml) {
        CorrelationLoadReport r = new CorrelationLoader().load("bad.yml", yaml);
        assertThat(r.correlations()).isEmpty();
        assertThat(r.rejected()).hasSize(1);
        return r.rejected().get(0).reason();
    }

    private static void assertRejected(CorrelationProblem p, int line, String reason) {
        assertThat(p.reason()).contains(reason);
        assertThat(p.location().line()).as(p.toString()).isEqualTo(line);
    }
}
