package org.fenghuo.correlation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.engine.Hits.hit;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.correlation.engine.esper.SigmaEpl;
import org.fenghuo.correlation.engine.esper.SigmaToEpl;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/** The shape of the EPL each kind of condition compiles to, and hostile names that must not break it. */
class SigmaToEplTest {

    private static SigmaEpl translate(String correlation) {
        return SigmaToEpl.translate(Hits.correlations(Hits.rule("r", "t", correlation)).get(0), "C0");
    }

    @Test
    void aLowerBoundSlidesOverBothEndsOfTheTimespan() {
        SigmaEpl epl = translate("{type: event_count, rules: [a], group-by: [source.ip], timespan: 5m, condition: {gte: 5}}");
        assertThat(epl.decidedAtClose()).isFalse();
        assertThat(epl.epl()).contains("C0_In#time(300001 msec) group by k having count(*) >= cast('5.0', double)");
    }

    @Test
    void anUpperBoundIsAWindowPerKeyDecidedWhenItEnds() {
        SigmaEpl epl = translate("{type: value_count, rules: [a], group-by: [source.ip], timespan: 1m, "
                + "condition: {gt: 2, lte: 9, field: [user.name, host.name]}}");
        assertThat(epl.decidedAtClose()).isTrue();
        assertThat(epl.epl())
                .contains("h.tuple('user.name|host.name') as v")
                .contains("initiated by distinct(k) C0_In as o terminated after 60001 msec")
                .contains("(count(distinct v) > cast('2.0', double) and count(distinct v) <= cast('9.0', double)) as fire")
                .contains("output snapshot when terminated");
    }

    @Test
    void temporalOrderedKeepsTheLatestChainStartPerRule() {
        SigmaEpl epl = translate("{type: temporal_ordered, rules: [a, b, c], group-by: [source.ip], timespan: 10s}");
        assertThat(epl.epl())
                .contains("create table C0_Ord (k string primary key, s0 long, s1 long)")
                .contains("when matched and e.idx = 1 then update set s1 = max(s1, s0)")
                .contains("(e.idx = 2 and C0_Ord[e.k].s1 >= e.time - 10000) as fire");
    }

    @Test
    void quotesAndBackslashesInRuleNamesStayInsideTheirLiterals() {
        String yaml = "title: t\nid: r\ncorrelation: {type: event_count, rules: [\"it's\", 'back\\slash'], "
                + "group-by: [source.ip], timespan: 10s, condition: {gte: 2}}\n";
        List<Alert> out = new ArrayList<>();
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(Hits.correlations(yaml), List.of(), out::add)) {
            assertThat(e.rejected()).isEmpty();
            e.accept(RuleHit.of("x", "it's", hit("z", "1", 0, Hits.from("10.0.0.1", "")).event()));
            e.accept(RuleHit.of("back\\slash", null, hit("z", "2", 1, Hits.from("10.0.0.1", "")).event()));
        }
        assertThat(out).extracting(Alert::message)
                .containsExactly("t: event_count 2 >= 2 within 10s (2 hits) for source.ip=10.0.0.1");
    }

    @Test
    void aFieldNameEplCannotCarryIsRefusedWithItsName() {
        String yaml = "title: t\nid: r\ncorrelation: {type: event_count, rules: [a], group-by: [\"labels.o'neil\"], "
                + "timespan: 10s, condition: {gte: 2}}\n";
        try (EsperAlertCorrelator e = new EsperAlertCorrelator(Hits.correlations(yaml), List.of(), a -> { })) {
            assertThat(e.rejected()).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo(Rejection.Reason.UNSUPPORTED);
                assertThat(r.detail()).endsWith("labels.o'neil");
            });
        }
    }
}
