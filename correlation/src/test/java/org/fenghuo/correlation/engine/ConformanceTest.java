package org.fenghuo.correlation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.detection.sigma.correlation.CorrelationEngine;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.Alert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Esper correlator and detection's plain {@code CorrelationEngine} (the reference) fed the same
 * generated hit streams must publish the same alerts: same rule, time, message (which names the
 * group and the measure) and id (which hashes the evidence). Streams are time-ordered, from a fixed
 * seed: a few groups, bursts around each threshold, gaps at and around the window edges, ties in time.
 */
class ConformanceTest {
    static final long SPAN = 10_000;

    /** Every type, each with a condition decided on every hit and one decided when the window closes. */
    static final String RULES = """
            title: count at least 4
            id: event_count_gte
            correlation: {type: event_count, rules: [a, b], group-by: [source.ip], timespan: 10s, condition: {gte: 4}}
            ---
            title: count between 3 and 5
            id: event_count_range
            correlation: {type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gt: 2, lte: 5}}
            ---
            title: count exactly 3
            id: event_count_eq
            correlation: {type: event_count, rules: [b], group-by: [source.ip], timespan: 10s, condition: {eq: 3}}
            ---
            title: count not 1
            id: event_count_neq
            correlation: {type: event_count, rules: [c], group-by: [source.ip], timespan: 10s, condition: {neq: 1}}
            ---
            title: many users
            id: value_count_gte
            correlation: {type: value_count, rules: [a, b, c], group-by: [source.ip], timespan: 10s, condition: {gte: 3, field: user.name}}
            ---
            title: few user-host pairs
            id: value_count_lt
            correlation: {type: value_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {lt: 2, field: [user.name, host.name]}}
            ---
            title: all three rules
            id: temporal_all
            correlation: {type: temporal, rules: [a, b, c], group-by: [source.ip], timespan: 10s}
            ---
            title: two of three rules
            id: temporal_two
            correlation: {type: temporal, rules: [a, b, c], group-by: [source.ip, user.name], timespan: 10s, condition: {gte: 2}}
            ---
            title: rules by id and by name
            id: temporal_id_and_name
            correlation: {type: temporal, rules: [a, id-of-a, id-of-b], group-by: [source.ip], timespan: 10s, condition: {gte: 2}}
            ---
            title: just one rule
            id: temporal_one
            correlation: {type: temporal, rules: [a, b], group-by: [source.ip], timespan: 10s, condition: {eq: 1}}
            ---
            title: a then b then c
            id: ordered_abc
            correlation: {type: temporal_ordered, rules: [a, b, c], group-by: [source.ip], timespan: 10s}
            ---
            title: c then a
            id: ordered_ca
            correlation: {type: temporal_ordered, rules: [c, a], group-by: [source.ip], timespan: 10s}
            ---
            title: bytes sum
            id: value_sum_gte
            correlation: {type: value_sum, rules: [a, b], group-by: [source.ip], timespan: 10s, condition: {gte: 400, field: source.bytes}}
            ---
            title: bytes sum small
            id: value_sum_lt
            correlation: {type: value_sum, rules: [c], group-by: [source.ip], timespan: 10s, condition: {lt: 100, field: source.bytes}}
            ---
            title: bytes avg
            id: value_avg_gt
            correlation: {type: value_avg, rules: [a, b, c], group-by: [source.ip], timespan: 10s, condition: {gt: 140, field: source.bytes}}
            ---
            title: bytes avg band
            id: value_avg_range
            correlation: {type: value_avg, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 50, lt: 100, field: source.bytes}}
            ---
            title: bytes p90
            id: value_percentile_gte
            correlation: {type: value_percentile, rules: [a, b, c], group-by: [source.ip], timespan: 10s, condition: {gte: 175, field: source.bytes, percentile: 90}}
            ---
            title: bytes median
            id: value_percentile_lte
            correlation: {type: value_percentile, rules: [b], group-by: [source.ip], timespan: 10s, condition: {lte: 50, field: source.bytes}}
            ---
            title: aliased peer
            id: temporal_alias
            correlation:
                type: temporal
                rules: [a, c]
                group-by: [peer]
                timespan: 10s
                aliases:
                    peer: {a: source.ip, c: destination.ip}
            ---
            title: everything
            id: event_count_global
            correlation: {type: event_count, rules: [a, b, c], timespan: 10s, condition: {gte: 12}}
            """;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261123})
    void esperPublishesWhatTheReferencePublishes(long seed) {
        List<SigmaCorrelation> correlations = Hits.correlations(RULES);
        List<RuleHit> hits = stream(seed);
        long end = hits.get(hits.size() - 1).timestamp().toEpochMilli() - Hits.T0.toEpochMilli() + 10 * SPAN;

        List<Alert> expected = new ArrayList<>();
        CorrelationEngine reference = new CorrelationEngine(correlations, expected::add);
        feed(hits, reference::accept, reference::advanceWatermark, () -> reference.advanceWatermark(Hits.at(end)));

        List<Alert> actual = new ArrayList<>();
        try (EsperAlertCorrelator esper = new EsperAlertCorrelator(correlations, List.of(), actual::add)) {
            assertThat(esper.rejected()).isEmpty();
            feed(hits, esper::accept, esper::advanceWatermark, () -> esper.advanceWatermark(Hits.at(end)));
        }

        List<String> missing = difference(expected, actual);
        List<String> extra = difference(actual, expected);
        assertThat(missing).as("published by the reference only").isEmpty();
        assertThat(extra).as("published by Esper only").isEmpty();
        assertThat(sorted(actual)).containsExactlyElementsOf(sorted(expected));
        // a comparison where nothing fires proves nothing: every correlation must have fired
        assertThat(expected).hasSizeGreaterThan(100);
        Map<String, Long> perRule = expected.stream().collect(Collectors.groupingBy(Alert::ruleId, TreeMap::new,
                Collectors.counting()));
        assertThat(perRule.keySet()).containsExactlyInAnyOrderElementsOf(
                correlations.stream().map(SigmaCorrelation::ruleId).toList());
    }

    /** Feeds the hits with a watermark at the latest hit every so often (as Flink would), then the final one. */
    private static void feed(List<RuleHit> hits, Consumer<RuleHit> accept, Consumer<Instant> watermark,
            Runnable finish) {
        for (int i = 0; i < hits.size(); i++) {
            accept.accept(hits.get(i));
            if (i % 37 == 36) {
                watermark.accept(hits.get(i).timestamp());
            }
        }
        finish.run();
    }

    /** Alerts of {@code a} not in {@code b}, one line each (rule, time, message), for a readable failure. */
    private static List<String> difference(List<Alert> a, List<Alert> b) {
        List<Alert> rest = new ArrayList<>(b);
        List<String> out = new ArrayList<>();
        for (Alert x : sorted(a)) {
            if (!rest.remove(x)) {
                out.add(x.ruleId() + " " + x.timestamp() + " " + x.message() + " " + x.eventIds());
            }
        }
        return out;
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        return alerts.stream().sorted(Comparator.comparing(Alert::timestamp).thenComparing(Alert::ruleId)
                .thenComparing(Alert::message)).toList();
    }

    /** Bursts of hits per group: sizes around the thresholds, gaps at and around the timespan. */
    static List<RuleHit> stream(long seed) {
        Random r = new Random(seed);
        String[] ips = {"10.0.0.1", "10.0.0.2", "10.0.0.3", "198.51.100.7"};
        long[] inBurst = {0, 1, 10, 300, 1_000, 2_500, SPAN - 1, SPAN, SPAN + 1};
        long[] between = {0, 1, SPAN / 2, SPAN - 1, SPAN, SPAN + 1, 3 * SPAN};
        List<RuleHit> out = new ArrayList<>();
        long t = 0;
        int n = 0;
        for (int burst = 0; burst < 150; burst++) {
            String ip = ips[r.nextInt(ips.length)];
            int size = 1 + r.nextInt(7);
            for (int i = 0; i < size; i++) {
                t += r.nextInt(4) == 0 ? inBurst[r.nextInt(inBurst.length)] : r.nextInt(800);
                String hitIp = r.nextInt(6) == 0 ? ips[r.nextInt(ips.length)] : ip;
                String rule = String.valueOf("abc".charAt(r.nextInt(3)));
                StringBuilder fields = new StringBuilder("\"user\":{\"name\":\"u" + r.nextInt(4) + "\"}");
                fields.append(",\"host\":{\"name\":\"h").append(r.nextInt(2)).append("\"}");
                fields.append(",\"destination\":{\"ip\":\"").append(ips[r.nextInt(ips.length)]).append("\"}");
                String source = "\"source\":{\"ip\":\"" + hitIp + "\"";
                int bytesKind = r.nextInt(10);
                if (bytesKind == 0) {
                    source += ",\"bytes\":\"" + (25 * r.nextInt(9)) + "\""; // a number in a string counts too
                } else if (bytesKind > 1) {
                    source += ",\"bytes\":" + (25 * r.nextInt(9));
                } // else: no bytes, skipped by the value_* correlations
                fields.append(',').append(source).append('}');
                out.add(Hits.hit(rule, "e" + n++, t, fields.toString()));
            }
            t += between[r.nextInt(between.length)];
        }
        return out;
    }
}
