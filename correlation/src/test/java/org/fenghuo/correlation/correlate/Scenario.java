package org.fenghuo.correlation.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.Alert;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;

/**
 * Correlations grouped by {@code source.ip} (the partition key, so every partitioning gives the
 * same alerts), hits built from ECS JSON, seeded streams, and the reference: one plain correlator
 * fed the stream in order.
 */
final class Scenario {
    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final long SPAN = 10_000;

    static final String RULES = """
            title: burst
            id: burst
            correlation: {type: event_count, rules: [a, b], group-by: [source.ip], timespan: 10s, condition: {gte: 4}}
            ---
            title: exactly two c
            id: two_c
            correlation: {type: event_count, rules: [c], group-by: [source.ip], timespan: 10s, condition: {eq: 2}}
            ---
            title: many users
            id: users
            correlation: {type: value_count, rules: [a, b, c], group-by: [source.ip], timespan: 10s, condition: {gte: 3, field: user.name}}
            ---
            title: all three
            id: all_three
            correlation: {type: temporal, rules: [a, b, c], group-by: [source.ip], timespan: 10s}
            ---
            title: a then c
            id: a_then_c
            correlation: {type: temporal_ordered, rules: [a, c], group-by: [source.ip], timespan: 10s}
            """;

    /** Three hits of rule a from one source within 10 s. */
    static final String THREE_A = """
            title: three a
            id: three_a
            correlation: {type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 3}}
            """;

    private Scenario() {
    }

    static CorrelationRules rules(String yaml) {
        return CorrelationRules.none().withSigmaText("test.yml", yaml);
    }

    /** A hit of rule {@code rule} (id {@code id-of-<rule>}) at T0 + {@code millis} from {@code ip} by {@code user}. */
    static RuleHit hit(String rule, String eventId, long millis, String ip, String user) {
        String json = "{\"@timestamp\":\"" + T0.plusMillis(millis) + "\",\"event\":{\"id\":\"" + eventId + "\"}"
                + ",\"source\":{\"ip\":\"" + ip + "\"},\"user\":{\"name\":\"" + user + "\"}}";
        try {
            return RuleHit.of("id-of-" + rule, rule, EcsJsonCodec.fromJson(json));
        } catch (EcsJsonException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static long at(long millis) {
        return T0.toEpochMilli() + millis;
    }

    /** Bursts per source, gaps around the timespan, ties in time; time-ordered. */
    static List<RuleHit> stream(long seed, int bursts) {
        Random r = new Random(seed);
        String[] ips = {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "192.0.2.9", "198.51.100.7"};
        long[] gaps = {0, 1, SPAN - 1, SPAN, SPAN + 1, SPAN / 3};
        List<RuleHit> out = new ArrayList<>();
        long t = 0;
        int n = 0;
        for (int b = 0; b < bursts; b++) {
            String ip = ips[r.nextInt(ips.length)];
            int size = 1 + r.nextInt(6);
            for (int i = 0; i < size; i++) {
                t += r.nextInt(5) == 0 ? gaps[r.nextInt(gaps.length)] : r.nextInt(700);
                String rule = String.valueOf("abc".charAt(r.nextInt(3)));
                out.add(hit(rule, "e" + n++, t, r.nextInt(5) == 0 ? ips[r.nextInt(ips.length)] : ip,
                        "u" + r.nextInt(4)));
            }
            t += gaps[r.nextInt(gaps.length)];
        }
        return out;
    }

    /** {@code hits} each delayed by less than {@code boundMillis} (hits of one time too may swap). */
    static List<RuleHit> shuffled(List<RuleHit> hits, long boundMillis, long seed) {
        record Delayed(RuleHit hit, long key, int index) {
        }
        Random r = new Random(seed);
        List<Delayed> d = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            d.add(new Delayed(hits.get(i), hits.get(i).timestamp().toEpochMilli() + r.nextLong(boundMillis), i));
        }
        d.sort(Comparator.comparingLong(Delayed::key).thenComparingInt(Delayed::index));
        return d.stream().map(Delayed::hit).toList();
    }

    /** The order the operator feeds hits of one time in: rule id, then {@code event.id}. */
    static List<RuleHit> canonical(List<RuleHit> hits) {
        return hits.stream().sorted(Comparator.comparing(RuleHit::timestamp).thenComparing(RuleHit::ruleId)
                .thenComparing(h -> h.event().event().id())).toList();
    }

    /**
     * What one plain correlator publishes for {@code hits} in {@linkplain #canonical canonical}
     * order, then a watermark at {@code endMillis}.
     */
    static List<Alert> reference(String yaml, List<RuleHit> hits, long endMillis) {
        List<Alert> out = new ArrayList<>();
        CorrelationRules.Loaded loaded = rules(yaml).load();
        List<SigmaCorrelation> correlations = loaded.correlations();
        Consumer<Alert> sink = out::add;
        try (EsperAlertCorrelator c = new EsperAlertCorrelator(correlations, List.of(), sink)) {
            canonical(hits).forEach(c::accept);
            c.advanceWatermark(Instant.ofEpochMilli(endMillis));
        }
        return out;
    }

    static List<Alert> sorted(List<Alert> alerts) {
        return alerts.stream().sorted(Comparator.comparing(Alert::timestamp).thenComparing(Alert::ruleId)
                .thenComparing(Alert::id)).toList();
    }

    /** rule@millis-after-T0, for readable expectations. */
    static String line(Alert a) {
        return a.ruleId() + "@" + (a.timestamp().toEpochMilli() - T0.toEpochMilli());
    }
}
