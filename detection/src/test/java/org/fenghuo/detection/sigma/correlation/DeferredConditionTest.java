package org.fenghuo.detection.sigma.correlation;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.correlation.CorrelationFixtures.T0;
import static org.fenghuo.detection.sigma.correlation.CorrelationFixtures.hit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/**
 * Conditions with an upper bound, eq or neq are decided once, when the window opened by the key's
 * first hit closes: before that the count could still rise past the bound.
 */
class DeferredConditionTest {
    private final List<Alert> alerts = new ArrayList<>();

    private CorrelationEngine engine(String condition) {
        String yaml = """
                title: Rare logins
                correlation:
                    type: event_count
                    rules: [login]
                    group-by: [user.name]
                    timespan: 1h
                    condition: %s
                """.formatted(condition);
        CorrelationLoadReport r = new CorrelationLoader().load("deferred.yml", yaml);
        assertThat(r.rejected()).isEmpty();
        return new CorrelationEngine(r.correlations(), alerts::add);
    }

    private static RuleHit login(String id, Duration at, String user) {
        return hit("login", id, at, "\"user\":{\"name\":\"" + user + "\"}");
    }

    @Test
    void anUpperBoundIsDecidedWhenTheWindowClosesWithTheHitAtItsEndIncluded() {
        CorrelationEngine e = engine("{lt: 3}");
        e.accept(login("a1", ofMinutes(0), "ann"));
        e.accept(login("a2", ofMinutes(60), "ann"));
        e.accept(login("b1", ofMinutes(60), "bob"));
        e.accept(login("b2", ofMinutes(60), "bob"));
        e.accept(login("b3", ofMinutes(60), "bob"));
        assertThat(alerts).as("nothing is decided before a window ends").isEmpty();
        e.advanceWatermark(T0.plus(ofMinutes(60)));
        assertThat(alerts).as("ann's window [0, 60m] is still open at 60m").isEmpty();
        e.advanceWatermark(T0.plus(ofMinutes(60)).plusMillis(1));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.eventIds()).containsExactly("a1", "a2");
            assertThat(a.timestamp()).as("time of the last hit").isEqualTo(T0.plus(ofMinutes(60)));
            assertThat(a.message()).contains("event_count 2 < 3").contains("user.name=ann");
        });
        e.finish();
        assertThat(alerts).as("bob's window has 3 hits, not fewer than 3").hasSize(1);
        assertThat(e.stats().keys()).isZero();
    }

    @Test
    void aRangeFiresOnlyWhenTheFinalCountIsInside() {
        CorrelationEngine e = engine("{gt: 2, lte: 4}");
        for (int i = 0; i < 5; i++) {
            e.accept(login("five" + i, ofMinutes(i), "five"));
            if (i < 3) {
                e.accept(login("three" + i, ofMinutes(i), "three"));
            }
            if (i < 2) {
                e.accept(login("two" + i, ofMinutes(i), "two"));
            }
        }
        e.finish();
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message()).contains("user.name=three"));
    }

    @Test
    void aHitAfterTheWindowEndsOpensTheNextWindow() {
        CorrelationEngine e = engine("{eq: 1}");
        e.accept(login("first", ofMinutes(0), "cy"));
        e.accept(login("second", ofMinutes(61), "cy"));
        e.accept(login("third", ofMinutes(62), "cy"));
        e.finish();
        assertThat(alerts).as("[0, 60m] held one hit; [61m, 121m] held two").singleElement()
                .satisfies(a -> assertThat(a.eventIds()).containsExactly("first"));
    }

    @Test
    void aWindowEvictedAtTheKeyLimitIsNeverDecided() {
        CorrelationLoadReport r = new CorrelationLoader().load("deferred.yml", """
                title: Rare logins
                correlation: {type: event_count, rules: [login], group-by: [user.name], timespan: 1h, condition: {lt: 2}}
                """);
        CorrelationEngine e = new CorrelationEngine(r.correlations(), new CorrelationLimits(1, 10, 10), alerts::add);
        e.accept(login("gone", ofMinutes(0), "evicted"));
        e.accept(login("kept", ofMinutes(1), "kept"));
        e.finish();
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.eventIds()).containsExactly("kept"));
        assertThat(e.stats().keyEvictions()).isEqualTo(1);
    }

    @Test
    void atTheEndOfInputAChainedDeferredCorrelationIsDecidedToo() {
        CorrelationLoadReport r = new CorrelationLoader().load("chain.yml", """
                title: Exactly one rare-login user per host
                correlation: {type: value_count, rules: [rare], group-by: [host.name], timespan: 1h,
                              condition: {field: user.name, eq: 1}}
                ---
                title: Rare logins
                name: rare
                correlation: {type: event_count, rules: [login], group-by: [user.name], timespan: 1h, condition: {lt: 2}}
                """);
        assertThat(r.rejected()).isEmpty();
        CorrelationEngine e = new CorrelationEngine(r.correlations(), alerts::add);
        e.accept(hit("login", "once", ofMinutes(0), "\"user\":{\"name\":\"ann\"},\"host\":{\"name\":\"h1\"}"));
        e.advanceWatermark(java.time.Instant.MAX);
        assertThat(alerts).extracting(Alert::ruleName).containsExactly("Exactly one rare-login user per host");
        assertThat(alerts.get(0).eventIds()).containsExactly("once");
    }
}
