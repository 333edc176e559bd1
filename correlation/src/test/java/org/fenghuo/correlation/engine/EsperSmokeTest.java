package org.fenghuo.correlation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.correlation.engine.esper.SigmaToEpl;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

class EsperSmokeTest {
    @Test
    void allTypesCompile() {
        String yaml = """
                title: ec
                name: ec
                correlation: {type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 3}}
                ---
                title: ecd
                name: ecd
                correlation: {type: event_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {eq: 2}}
                ---
                title: vc
                name: vc
                correlation: {type: value_count, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 2, field: user.name}}
                ---
                title: t
                name: t
                correlation: {type: temporal, rules: [a, b], group-by: [source.ip], timespan: 10s}
                ---
                title: to
                name: to
                correlation: {type: temporal_ordered, rules: [a, b, c], group-by: [source.ip], timespan: 10s}
                ---
                title: vs
                name: vs
                correlation: {type: value_sum, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gt: 100, field: source.bytes}}
                ---
                title: va
                name: va
                correlation: {type: value_avg, rules: [a], group-by: [source.ip], timespan: 10s, condition: {lt: 100, field: source.bytes}}
                ---
                title: vp
                name: vp
                correlation: {type: value_percentile, rules: [a], group-by: [source.ip], timespan: 10s, condition: {gte: 50, field: source.bytes, percentile: 90}}
                """;
        List<SigmaCorrelation> cs = Hits.correlations(yaml);
        for (SigmaCorrelation c : cs) {
            System.out.println(SigmaToEpl.translate(c, "X").epl());
        }
        List<Alert> out = new ArrayList<>();
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(cs, List.of(), out::add)) {
            assertThat(e.rejected()).isEmpty();
            e.accept(Hits.hit("a", "1", 0, Hits.from("10.0.0.1", "\"user\":{\"name\":\"u1\"}")));
            e.accept(Hits.hit("b", "2", 1, Hits.from("10.0.0.1", "\"user\":{\"name\":\"u2\"}")));
            e.accept(Hits.hit("c", "3", 2, Hits.from("10.0.0.1", "")));
            e.accept(Hits.hit("a", "4", 3, Hits.from("10.0.0.1", "\"user\":{\"name\":\"u2\"}")));
            e.accept(Hits.hit("a", "5", 4, Hits.from("10.0.0.1", "\"user\":{\"name\":\"u2\"}")));
            e.advanceWatermark(Hits.at(60_000));
            out.forEach(a -> System.out.println(a.timestamp() + " " + a.ruleId() + " " + a.message()));
        }
    }
}
