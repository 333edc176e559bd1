package org.fenghuo.detection.sigma.correlation;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.correlation.CorrelationFixtures.hit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/** With an allowed lateness, hits slightly out of order still correlate; later ones are counted and dropped. */
class CorrelationLatenessTest {
    private final List<Alert> alerts = new ArrayList<>();

    private static RuleHit fail(String id, Duration at) {
        return hit("ssh_auth_failure", id, at, "\"source\":{\"ip\":\"10.0.0.9\"}");
    }

    private CorrelationEngine engine(Duration lateness) {
        return new CorrelationEngine(CorrelationFixtures.load("event_count.yml"),
                new CorrelationLimits(100, 100, 100).withAllowedLateness(lateness), alerts::add);
    }

    /** Five failures (gte 5 in 5m) from two hosts whose clocks interleave 1 ms out of order. */
    private static void interleaved(CorrelationEngine e) {
        e.accept(fail("a", ofMillis(1_001)));
        e.accept(fail("b", ofMillis(1_000)));
        e.accept(fail("c", ofMillis(2_001)));
        e.accept(fail("d", ofMillis(2_000)));
        e.accept(fail("e", ofMillis(3_000)));
    }

    @Test
    void hitsAMillisecondOutOfOrderAlertWithinTheLateness() {
        CorrelationEngine e = engine(ofSeconds(1));
        interleaved(e);
        assertThat(alerts).as("held back until 1 s past them").isEmpty();
        e.finish();
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.eventIds()).as("fed in time order").containsExactly("b", "a", "d", "c", "e");
            assertThat(a.timestamp()).isEqualTo(CorrelationFixtures.T0.plusMillis(3_000));
        });
        assertThat(e.stats().outOfOrder()).isZero();
        assertThat(e.stats().hits()).isEqualTo(5);
    }

    @Test
    void theNewestHitReleasesTheHeldOnesOnceTheLatenessHasPassed() {
        CorrelationEngine e = engine(ofSeconds(1));
        interleaved(e);
        e.accept(hit("ssh_auth_failure", "other", ofMillis(4_000), "\"source\":{\"ip\":\"10.0.0.10\"}"));
        assertThat(alerts).as("4 s - 1 s passed the 3 s hit").hasSize(1);
    }

    @Test
    void withoutLatenessTheOutOfOrderHitsAreDropped() {
        CorrelationEngine e = engine(Duration.ZERO);
        interleaved(e);
        e.finish();
        assertThat(alerts).isEmpty();
        assertThat(e.stats().outOfOrder()).isEqualTo(2);
    }

    @Test
    void aHitLaterThanTheLatenessIsCountedAndDropped() {
        CorrelationEngine e = engine(ofSeconds(1));
        e.accept(fail("a", ofMillis(10_000)));
        e.accept(fail("in-time", ofMillis(9_000)));
        e.accept(fail("too-late", ofMillis(8_999)));
        e.finish();
        assertThat(e.stats().outOfOrder()).isEqualTo(1);
        assertThat(e.stats().hits()).isEqualTo(2);
    }

    @Test
    void aFullBufferFeedsItsOldestHitEarlyAndCountsIt() {
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("event_count.yml"),
                new CorrelationLimits(100, 100, 100, ofSeconds(60), 2), alerts::add);
        e.accept(fail("a", ofMillis(3_000)));
        e.accept(fail("b", ofMillis(2_000)));
        e.accept(fail("c", ofMillis(4_000)));
        assertThat(e.stats().lateBufferOverflows()).as("third held hit: b goes early").isEqualTo(1);
        e.accept(fail("d", ofMillis(1_000)));
        assertThat(e.stats().outOfOrder()).as("b moved the clock to 2 s").isEqualTo(1);
        e.accept(fail("e", ofMillis(2_500)));
        assertThat(e.stats().lateBufferOverflows()).as("e, older than a and c, goes at once").isEqualTo(2);
        e.finish();
        assertThat(alerts).as("four hits fed (b, e, a, c), not five").isEmpty();
        assertThat(e.stats().hits()).isEqualTo(4);
    }
}
