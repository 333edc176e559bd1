package org.fenghuo.correlation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fenghuo.correlation.engine.Hits.at;
import static org.fenghuo.correlation.engine.Hits.from;
import static org.fenghuo.correlation.engine.Hits.hit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

/** Each correlation type on hand-made hits, with the alerts written out by hand. */
class EsperAlertCorrelatorTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";

    /** Runs {@code yaml} over the hits, then a watermark at {@code watermark}; alerts as "rule@millis message-tail". */
    private static List<String> run(String yaml, long watermark, RuleHit... hits) {
        List<Alert> out = new ArrayList<>();
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(Hits.correlations(yaml), List.of(), out::add)) {
            assertThat(e.rejected()).isEmpty();
            for (RuleHit h : hits) {
                e.accept(h);
            }
            e.advanceWatermark(at(watermark));
        }
        return out.stream().map(EsperAlertCorrelatorTest::line).toList();
    }

    static String line(Alert a) {
        String m = a.message();
        return a.ruleId() + "@" + (a.timestamp().toEpochMilli() - Hits.T0.toEpochMilli())
                + m.substring(m.indexOf(':'));
    }

    private static String rule(String correlation) {
        return Hits.rule("r", "t", correlation);
    }

    @Test
    void eventCountFiresOncePerBurstThenAgainAfterTheTimespan() {
        List<String> alerts = run(rule("{type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 3}}"),
                60_000,
                hit("a", "1", 0, from(A, "")), hit("a", "2", 1_000, from(A, "")), hit("a", "3", 2_000, from(A, "")),
                hit("a", "4", 3_000, from(A, "")), hit("a", "5", 4_000, from(A, "")), // muted: within 10s of the alert
                hit("a", "b1", 4_000, from(B, "")), hit("a", "b2", 4_500, from(B, "")),
                hit("a", "6", 13_000, from(A, ""))); // window [3s, 13s] holds 3, 4 and 6
        assertThat(alerts).containsExactly(
                "r@2000: event_count 3 >= 3 within 10s (3 hits) for source.ip=10.0.0.1",
                "r@13000: event_count 3 >= 3 within 10s (3 hits) for source.ip=10.0.0.1");
    }

    @Test
    void aSinkThatFailsFailsTheCallerInsteadOfBeingSwallowedByEsper() {
        // Esper catches and logs what a listener throws: the alert would be lost while the job runs on
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(Hits.correlations(
                rule("{type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 2}}")),
                List.of(), alert -> {
                    throw new IllegalStateException("downstream is gone");
                })) {
            e.accept(hit("a", "1", 0, from(A, "")));
            assertThatThrownBy(() -> e.accept(hit("a", "2", 1_000, from(A, ""))))
                    .isInstanceOf(IllegalStateException.class).hasMessage("downstream is gone");
        }
    }

    @Test
    void groupValuesHoldingTheKeySeparatorStayTheirOwnGroups() {
        // unescaped, (a<US>b, h) and (a, b<US>h) were one key, split into three values for two fields: an exception
        String first = "\"user\":{\"name\":\"a\\u001fb\"},\"host\":{\"name\":\"h\"}";
        String second = "\"user\":{\"name\":\"a\"},\"host\":{\"name\":\"b\\u001fh\\\\\"}";
        List<String> alerts = run(rule("{type: event_count, rules: [a], group-by: [user.name, host.name], timespan: 10s, condition: {gte: 2}}"),
                60_000,
                hit("a", "1", 0, from(A, first)), hit("a", "2", 1_000, from(A, second)),
                hit("a", "3", 2_000, from(A, first)));
        assertThat(alerts).containsExactly(
                "r@2000: event_count 2 >= 2 within 10s (2 hits) for user.name=a\u001fb host.name=h");
    }

    @Test
    void bothEndsOfTheWindowCount() {
        List<String> alerts = run(rule("{type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 3}}"),
                60_000,
                hit("a", "1", 0, from(A, "")), hit("a", "b1", 0, from(B, "")),
                hit("a", "2", 5_000, from(A, "")), hit("a", "b2", 5_000, from(B, "")),
                hit("a", "3", 10_000, from(A, "")), hit("a", "b3", 10_001, from(B, "")));
        assertThat(alerts).containsExactly("r@10000: event_count 3 >= 3 within 10s (3 hits) for source.ip=10.0.0.1");
    }

    @Test
    void valueCountCountsDistinctValues() {
        List<String> alerts = run(rule("{type: value_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 3, field: user.name}}"),
                60_000,
                hit("a", "1", 0, from(A, "\"user\":{\"name\":\"u1\"}")),
                hit("a", "2", 1, from(A, "\"user\":{\"name\":\"u1\"}")),
                hit("a", "3", 2, from(A, "\"user\":{\"name\":\"u2\"}")),
                hit("a", "4", 3, from(A, "")), // no user.name: skipped
                hit("a", "5", 4, from(A, "\"user\":{\"name\":\"u3\"}")));
        assertThat(alerts).containsExactly("r@4: value_count 3 >= 3 within 10s (4 hits) for source.ip=10.0.0.1");
    }

    @Test
    void temporalNeedsEveryRuleWithinTheTimespan() {
        List<String> alerts = run(rule("{type: temporal, rules: [a, b], group-by: [source.ip], timespan: 10s}"), 60_000,
                hit("a", "1", 0, from(A, "")), hit("a", "2", 1_000, from(A, "")), hit("b", "3", 9_000, from(A, "")),
                hit("a", "b1", 0, from(B, "")), hit("b", "b2", 10_001, from(B, "")));
        assertThat(alerts).containsExactly("r@9000: temporal 2 >= 2 within 10s (3 hits) for source.ip=10.0.0.1");
    }

    @Test
    void temporalOrderedNeedsTheOrderAndCountsAChainCompletedWhileMuted() {
        List<String> alerts = run(rule("{type: temporal_ordered, rules: [a, b], group-by: [source.ip], timespan: 10s}"),
                60_000,
                hit("b", "b1", 0, from(B, "")), hit("a", "b2", 1_000, from(B, "")), // wrong order: nothing yet
                hit("b", "b3", 2_000, from(B, "")),
                hit("a", "1", 3_000, from(A, "")), hit("b", "2", 3_001, from(A, "")), // alert, key muted for 10s
                hit("a", "3", 5_000, from(A, "")), hit("b", "4", 6_000, from(A, "")), // a chain, but muted
                hit("b", "5", 14_000, from(A, ""))); // a@5s -> b@14s within 10s: counts now
        assertThat(alerts).containsExactly(
                "r@2000: temporal_ordered a -> b within 10s (3 hits) for source.ip=10.0.0.2",
                "r@3001: temporal_ordered a -> b within 10s (2 hits) for source.ip=10.0.0.1",
                "r@14000: temporal_ordered a -> b within 10s (3 hits) for source.ip=10.0.0.1");
    }

    @Test
    void valueSumAndPercentileFireOnTheHitThatCrossesTheBound() {
        String yaml = rule("{type: value_sum, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gt: 100, field: source.bytes}}")
                + "---\ntitle: p\nid: p\ncorrelation: {type: value_percentile, rules: [a], group-by: [source.ip], "
                + "timespan: 10s, condition: {gte: 90, field: source.bytes, percentile: 90}}\n";
        List<String> alerts = run(yaml, 60_000,
                hit("a", "1", 0, "\"source\":{\"ip\":\"" + A + "\",\"bytes\":10}"),
                hit("a", "2", 1, "\"source\":{\"ip\":\"" + A + "\",\"bytes\":\"50\"}"),
                hit("a", "3", 2, from(A, "")), // no bytes: skipped
                hit("a", "4", 3, "\"source\":{\"ip\":\"" + A + "\",\"bytes\":100}"));
        assertThat(alerts).containsExactlyInAnyOrder(
                "r@3: value_sum 160 > 100 within 10s (3 hits) for source.ip=10.0.0.1",
                "p@3: value_percentile 100 >= 90 within 10s (3 hits) for source.ip=10.0.0.1");
    }

    @Test
    void anUpperBoundIsDecidedWhenTheWindowCloses() {
        String yaml = rule("{type: value_avg, rules: [a], group-by: [source.ip], timespan: 10s, condition: {lt: 20, field: source.bytes}}")
                + "---\ntitle: e\nid: e\ncorrelation: {type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, "
                + "condition: {eq: 2}}\n";
        RuleHit[] hits = {
            hit("a", "1", 0, "\"source\":{\"ip\":\"" + A + "\",\"bytes\":10}"),
            hit("a", "2", 5_000, "\"source\":{\"ip\":\"" + A + "\",\"bytes\":20}"),
            hit("a", "b1", 0, "\"source\":{\"ip\":\"" + B + "\",\"bytes\":10}"),
            hit("a", "b2", 1_000, "\"source\":{\"ip\":\"" + B + "\",\"bytes\":10}"),
            hit("a", "b3", 10_000, "\"source\":{\"ip\":\"" + B + "\",\"bytes\":70}")};
        // the window [0, 10s] is still open at 10s: a hit at its end could still change the answer
        assertThat(run(yaml, 10_000, hits)).isEmpty();
        assertThat(run(yaml, 10_001, hits)).containsExactlyInAnyOrder(
                "r@5000: value_avg 15 < 20 within 10s (2 hits) for source.ip=10.0.0.1",
                "e@5000: event_count 2 = 2 within 10s (2 hits) for source.ip=10.0.0.1");
    }

    @Test
    void hitsOlderThanTheClockAreDropped() {
        List<Alert> out = new ArrayList<>();
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(Hits.correlations(
                rule("{type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 2}}")),
                List.of(), out::add)) {
            e.accept(hit("a", "1", 5_000, from(A, "")));
            e.advanceWatermark(at(8_000));
            e.accept(hit("a", "2", 7_000, from(A, "")));
            assertThat(e.dropped()).isEqualTo(1);
            assertThat(out).isEmpty();
        }
    }

    @Test
    void aBrokenStatementIsRejectedWithTheCompilerMessageAndTheRestRun() {
        RuleInfo info = new RuleInfo("epl.seen", "seen", null, Severity.LOW, IncidentCategory.ABNORMAL_BEHAVIOUR,
                List.of(), List.of());
        RuleInfo broken = new RuleInfo("epl.broken", "broken", null, Severity.LOW,
                IncidentCategory.ABNORMAL_BEHAVIOUR, List.of(), List.of());
        List<EplRule> rules = List.of(
                new EplRule(broken, "@name('alert') select time, ruleId as message fro Hit", Duration.ofMinutes(1)),
                new EplRule(info, "@name('alert') select time, 'seen ' || ruleId as message from Hit(ruleId = 'id-of-b')",
                        Duration.ofMinutes(1)));
        List<Alert> out = new ArrayList<>();
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(Hits.correlations(
                rule("{type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 1}}")),
                rules, out::add)) {
            assertThat(e.rejected()).singleElement().satisfies(r -> {
                assertThat(r.rule()).isEqualTo("epl.broken");
                assertThat(r.reason()).isEqualTo(Rejection.Reason.EPL_COMPILE);
                assertThat(r.detail()).contains("Incorrect syntax near 'fro'");
            });
            e.accept(hit("a", "1", 0, from(A, "")));
            e.accept(hit("b", "2", 1, from(A, "")));
        }
        assertThat(out).extracting(Alert::ruleId, Alert::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r",
                        "t: event_count 1 >= 1 within 10s (1 hit) for source.ip=10.0.0.1"),
                        org.assertj.core.groups.Tuple.tuple("epl.seen", "seen id-of-b"));
    }

    @Test
    void chainedCorrelationsAreRefusedNotApproximated() {
        String yaml = """
                title: many failures
                name: many_failures
                correlation: {type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 3}}
                ---
                title: failures then success
                id: chain
                correlation: {type: temporal_ordered, rules: [many_failures, b], group-by: [source.ip], timespan: 10s}
                ---
                title: alone
                id: alone
                correlation: {type: event_count, rules: [b], group-by: [source.ip], timespan: 10s, condition: {gte: 1}}
                """;
        List<Alert> out = new ArrayList<>();
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(Hits.correlations(yaml), List.of(), out::add)) {
            assertThat(e.rejected()).extracting(Rejection::rule, Rejection::reason).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("many_failures", Rejection.Reason.UNSUPPORTED),
                    org.assertj.core.groups.Tuple.tuple("chain", Rejection.Reason.UNSUPPORTED));
            assertThat(e.rejected().get(0).detail()).contains("chained");
            e.accept(hit("b", "1", 0, from(A, "")));
        }
        assertThat(out).extracting(Alert::ruleId).containsExactly("alone");
    }
}
