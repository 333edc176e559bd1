package org.fenghuo.detection.sigma.correlation;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.correlation.CorrelationFixtures.hit;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

/** A scan of distinct keys cannot grow the deferred closes past the key limit. */
class CorrelationBoundsTest {
    private final List<Alert> alerts = new ArrayList<>();

    @Test
    void pendingClosesStayWithinTheKeyLimitUnderAScan() {
        CorrelationLoadReport r = new CorrelationLoader().load("rare.yml", """
                title: Rare logins
                correlation: {type: event_count, rules: [login], group-by: [user.name], timespan: 1d, condition: {lt: 2}}
                """);
        CorrelationEngine e = new CorrelationEngine(r.correlations(), new CorrelationLimits(10, 10, 10), alerts::add);
        int maxPending = 0;
        for (int i = 0; i < 10_000; i++) {
            e.accept(hit("login", "l" + i, ofMillis(i), "\"user\":{\"name\":\"u" + i + "\"}"));
            maxPending = Math.max(maxPending, e.pendingCloses());
        }
        assertThat(maxPending).isLessThanOrEqualTo(10);
        assertThat(e.stats().keyEvictions()).isEqualTo(9_990);
        e.finish();
        assertThat(alerts).as("only the 10 keys still held are decided").hasSize(10);
        assertThat(alerts).extracting(a -> a.eventIds().get(0)).contains("l9999").doesNotContain("l0");
        assertThat(e.pendingCloses()).isZero();
    }
}
