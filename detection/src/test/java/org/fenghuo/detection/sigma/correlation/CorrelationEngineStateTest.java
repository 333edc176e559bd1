package org.fenghuo.detection.sigma.correlation;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.correlation.CorrelationFixtures.hit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/** The engine's state stays bounded and every hit it cannot use is counted. */
class CorrelationEngineStateTest {
    private final List<Alert> alerts = new ArrayList<>();

    private static RuleHit fail(String id, Duration at, String ip) {
        return hit("ssh_auth_failure", id, at, "\"source\":{\"ip\":\"" + ip + "\"}");
    }

    @Test
    void keysBeyondTheCapEvictTheLeastRecentlyHitOne() {
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("event_count.yml"),
                new CorrelationLimits(3, 100, 100), alerts::add);
        for (int i = 0; i < 5; i++) {
            e.accept(fail("k" + i, ofSeconds(i), "10.0.0." + i));
        }
        assertThat(e.stats().keys()).isEqualTo(3);
        assertThat(e.stats().keyEvictions()).isEqualTo(2);
        // 10.0.0.0 was evicted: its earlier hit is gone, so four more do not reach five
        for (int i = 0; i < 4; i++) {
            e.accept(fail("again" + i, ofSeconds(10 + i), "10.0.0.0"));
        }
        assertThat(alerts).isEmpty();
    }

    @Test
    void hitsBeyondThePerKeyCapDropTheOldest() {
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("value_sum.yml"),
                new CorrelationLimits(10, 3, 100), alerts::add);
        String pair = "\"destination\":{\"ip\":\"203.0.113.80\"},\"source\":{\"ip\":\"10.0.0.5\",\"bytes\":";
        for (int i = 0; i < 5; i++) {
            e.accept(hit("outbound_http", "b" + i, ofSeconds(i), pair + "300}"));
        }
        assertThat(alerts).as("only the latest 3 x 300 are kept: 900, not 1500").isEmpty();
        assertThat(e.stats().hitEvictions()).isEqualTo(2);
    }

    @Test
    void idleKeysExpireAsTheWatermarkPassesTheirTimespan() {
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("event_count.yml"), alerts::add);
        e.accept(fail("a", ofSeconds(0), "10.0.0.1"));
        e.accept(fail("b", ofSeconds(30), "10.0.0.2"));
        e.advanceWatermark(CorrelationFixtures.T0.plus(ofMinutes(5)));
        assertThat(e.stats().keys()).as("both hit within the last 5m").isEqualTo(2);
        e.advanceWatermark(CorrelationFixtures.T0.plus(ofMinutes(5)).plusMillis(1));
        assertThat(e.stats().keys()).isEqualTo(1);
        assertThat(e.stats().expiredKeys()).isEqualTo(1);
        e.finish();
        assertThat(e.stats().keys()).isZero();
    }

    @Test
    void unusableHitsAreCountedNotFatal() {
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("event_count.yml"), alerts::add);
        e.accept(fail("now", ofMinutes(1), "10.0.0.1"));
        e.accept(fail("older", ofSeconds(59), "10.0.0.1"));
        e.accept(hit("ssh_auth_failure", "noip", ofMinutes(2), "\"user\":{\"name\":\"x\"}"));
        e.accept(hit("some_other_rule", "other", ofMinutes(2), "\"source\":{\"ip\":\"10.0.0.1\"}"));
        e.accept(new RuleHit("r", "ssh_auth_failure", null, CorrelationFixtures.event("untimed", ofMinutes(2), "")));
        CorrelationStats s = e.stats();
        assertThat(s.outOfOrder()).isEqualTo(1);
        assertThat(s.missingGroupBy()).isEqualTo(1);
        assertThat(s.unreferenced()).isEqualTo(1);
        assertThat(s.untimed()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(3);
        assertThat(s.keys()).isEqualTo(1);
    }

    @Test
    void aRuleIsMatchedByIdAsWellAsByName() {
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("event_count.yml"), alerts::add);
        for (int i = 0; i < 5; i++) {
            e.accept(RuleHit.of("ssh_auth_failure", null, CorrelationFixtures.event("i" + i, ofSeconds(i),
                    "\"source\":{\"ip\":\"10.0.0.1\"}")));
        }
        assertThat(alerts).hasSize(1);
    }

    @Test
    void countersArePublishedAsMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("event_count.yml"), alerts::add);
        e.bindTo(registry);
        for (int i = 0; i < 5; i++) {
            e.accept(fail("m" + i, ofSeconds(i), "10.0.0.1"));
        }
        e.accept(fail("late", ofSeconds(1), "10.0.0.1"));
        assertThat(registry.get("fenghuo.detection.sigma.correlation.hits").functionCounter().count()).isEqualTo(5);
        assertThat(registry.get("fenghuo.detection.sigma.correlation.alerts").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("fenghuo.detection.sigma.correlation.dropped").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("fenghuo.detection.sigma.correlation.keys").gauge().value()).isEqualTo(1);
    }
}
