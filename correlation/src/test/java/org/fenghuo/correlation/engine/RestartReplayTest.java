package org.fenghuo.correlation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.engine.Hits.at;
import static org.fenghuo.correlation.engine.Hits.from;
import static org.fenghuo.correlation.engine.Hits.hit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.detection.sigma.correlation.CorrelationEngine;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/**
 * A "restart": the correlator's {@link PendingHits} taken, the runtime closed, a fresh one built
 * and replayed into, then the input goes on. What comes out over both lives must be what one
 * uninterrupted run (detection's reference engine) publishes: nothing twice, nothing lost.
 */
class RestartReplayTest {

    /** Feeds {@code hits}, restarting before each index in {@code restarts}; alerts of every life. */
    private static List<Alert> withRestarts(List<SigmaCorrelation> rules, List<RuleHit> hits, long watermark,
            int... restarts) {
        List<Alert> out = new ArrayList<>();
        EsperAlertCorrelator live = new EsperAlertCorrelator(rules, List.of(), out::add);
        int next = 0;
        for (int i = 0; i < hits.size(); i++) {
            if (next < restarts.length && restarts[next] == i) {
                next++;
                PendingHits state = live.pendingHits();
                live.close();
                live = new EsperAlertCorrelator(rules, List.of(), out::add);
                live.replay(state);
            }
            live.accept(hits.get(i));
        }
        live.advanceWatermark(at(watermark));
        live.close();
        return out;
    }

    private static List<Alert> reference(List<SigmaCorrelation> rules, List<RuleHit> hits, long watermark) {
        List<Alert> out = new ArrayList<>();
        CorrelationEngine engine = new CorrelationEngine(rules, out::add);
        hits.forEach(engine::accept);
        engine.advanceWatermark(at(watermark));
        return out;
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        return alerts.stream().sorted(Comparator.comparing(Alert::timestamp).thenComparing(Alert::ruleId)
                .thenComparing(Alert::message)).toList();
    }

    @Test
    void aCorrelationSpanningARestartFiresExactlyOnce() {
        List<SigmaCorrelation> rules = Hits.correlations(Hits.rule("r", "t",
                "{type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 3}}"));
        List<RuleHit> hits = List.of(hit("a", "1", 0, from("10.0.0.1", "")), hit("a", "2", 1_000, from("10.0.0.1", "")),
                hit("a", "3", 2_000, from("10.0.0.1", "")), hit("a", "4", 3_000, from("10.0.0.1", "")));
        List<Alert> alerts = withRestarts(rules, hits, 60_000, 2, 3); // restarts mid-burst and right after the alert
        assertThat(alerts).extracting(EsperAlertCorrelatorTest::line)
                .containsExactly("r@2000: event_count 3 >= 3 within 10s (3 hits) for source.ip=10.0.0.1");
        assertThat(alerts).containsExactlyElementsOf(reference(rules, hits, 60_000));
    }

    @Test
    void theStateCarriesTheHitsOfTheLongestWindowAndTheMutedKeys() {
        List<SigmaCorrelation> rules = Hits.correlations(Hits.rule("r", "t",
                "{type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 2}}")
                + "---\n" + Hits.rule("u", "u",
                "{type: event_count, rules: [b], group-by: [source.ip], timespan: 1m, condition: {eq: 1}}"));
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(rules, List.of(), a -> { })) {
            e.accept(hit("a", "1", 0, from("10.0.0.1", "")));
            e.accept(hit("b", "2", 1_000, from("10.0.0.1", "")));
            e.accept(hit("a", "3", 2_000, from("10.0.0.1", ""))); // alert of r: key muted until 12s
            e.accept(hit("a", "4", 11_000, from("10.0.0.2", "")));
            PendingHits state = e.pendingHits();
            assertThat(state.clockMillis()).isEqualTo(at(11_000).toEpochMilli());
            // hit 1 is older than r's 10s and feeds no window of u; 2 is in u's open window, 3 and 4 in r's
            assertThat(state.hits()).extracting(p -> p.hit().event().event().id(), PendingHits.Pending::targets)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("2", List.of("u")),
                            org.assertj.core.groups.Tuple.tuple("3", List.of("r")),
                            org.assertj.core.groups.Tuple.tuple("4", List.of("r")));
            assertThat(state.mutes()).containsExactly(new PendingHits.Mute("r", "10.0.0.1", at(2_000).toEpochMilli()));
        }
    }

    @Test
    void generatedStreamsWithRestartsPublishWhatOneUninterruptedRunPublishes() {
        List<SigmaCorrelation> rules = Hits.correlations(ConformanceTest.RULES);
        List<RuleHit> hits = ConformanceTest.stream(5);
        long end = hits.get(hits.size() - 1).timestamp().toEpochMilli() - Hits.T0.toEpochMilli()
                + 10 * ConformanceTest.SPAN;
        List<Alert> expected = reference(rules, hits, end);
        List<Alert> actual = withRestarts(rules, hits, end, hits.size() / 4, hits.size() / 2, 3 * hits.size() / 4);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(sorted(actual)).containsExactlyElementsOf(sorted(expected));
    }
}
