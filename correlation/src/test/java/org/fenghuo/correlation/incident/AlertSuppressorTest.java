package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.incident.TestAlerts.T0;
import static org.fenghuo.correlation.incident.TestAlerts.alert;
import static org.fenghuo.correlation.incident.TestAlerts.from;

import java.time.Duration;
import java.util.List;
import org.fenghuo.events.Entities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AlertSuppressorTest {
    /** One rule id of each type: Sigma (UUID), IOC, anomaly, Sigma correlation / built-in correlation. */
    private static final String SIGMA = "5f1c3f7e-0b59-4cb5-9a3b-6f2b1d9e6a11";
    private static final String IOC = "fenghuo.ioc.misp";
    private static final String ANOMALY = "fenghuo.anomaly.brute_force";
    private static final String CORRELATION = "fenghuo.correlation.scan_bruteforce_login";

    private static AlertSuppressor suppressor(SuppressionRule... rules) {
        return new AlertSuppressor(new SuppressionSettings(
                new SuppressionRule("*", Duration.ZERO, Duration.ZERO, List.of()), List.of(rules)));
    }

    @ParameterizedTest
    @ValueSource(strings = {SIGMA, IOC, ANOMALY, CORRELATION})
    void dedupWindowIsHalfOpenForEveryRuleType(String ruleId) {
        AlertSuppressor s = suppressor(new SuppressionRule(ruleId, Duration.ofMinutes(10), Duration.ZERO, List.of()));
        Entities e = from("10.1.2.3", "10.0.0.5");

        assertThat(s.decide(alert("a1", ruleId, T0, e))).isEqualTo(Decision.ACCEPT);
        Decision inside = s.decide(alert("a2", ruleId, T0.plus(Duration.ofMinutes(10)).minusMillis(1), e));
        assertThat(inside.kind()).isEqualTo(Decision.Kind.DUPLICATE);
        assertThat(inside.duplicateOf()).isEqualTo("a1");
        assertThat(inside.reason()).contains("dedup_window 10m");
        // exactly at the window's end: new, and it opens the next window
        assertThat(s.decide(alert("a3", ruleId, T0.plus(Duration.ofMinutes(10)), e))).isEqualTo(Decision.ACCEPT);
        assertThat(s.decide(alert("a4", ruleId, T0.plus(Duration.ofMinutes(15)), e)).duplicateOf()).isEqualTo("a3");
    }

    @ParameterizedTest
    @ValueSource(strings = {SIGMA, IOC, ANOMALY, CORRELATION})
    void dedupNeedsTheSameRuleAndTheSameEntities(String ruleId) {
        AlertSuppressor s = suppressor(new SuppressionRule("*", Duration.ofMinutes(10), Duration.ZERO, List.of()));
        s.decide(alert("a1", ruleId, T0, new Entities(List.of("10.1.2.3"), List.of("10.0.0.5", "10.0.0.6"), List.of(), List.of())));

        // same entities in another order: duplicate
        assertThat(s.decide(alert("a2", ruleId, T0.plusSeconds(1),
                new Entities(List.of("10.1.2.3"), List.of("10.0.0.6", "10.0.0.5"), List.of(), List.of()))).kind())
                .isEqualTo(Decision.Kind.DUPLICATE);
        // another target, another rule: new
        assertThat(s.decide(alert("a3", ruleId, T0.plusSeconds(2), from("10.1.2.3", "10.0.0.7")))).isEqualTo(Decision.ACCEPT);
        assertThat(s.decide(alert("a4", "other.rule", T0.plusSeconds(3), from("10.1.2.3", "10.0.0.7")))).isEqualTo(Decision.ACCEPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {SIGMA, IOC, ANOMALY, CORRELATION})
    void suppressForMutesTheRuleForThePrimaryEntity(String ruleId) {
        AlertSuppressor s = suppressor(new SuppressionRule(ruleId, Duration.ZERO, Duration.ofHours(1), List.of()));

        assertThat(s.decide(alert("a1", ruleId, T0, from("10.1.2.3", "10.0.0.5")))).isEqualTo(Decision.ACCEPT);
        Decision muted = s.decide(alert("a2", ruleId, T0.plus(Duration.ofHours(1)).minusMillis(1), from("10.1.2.3", "10.0.0.9")));
        assertThat(muted.kind()).isEqualTo(Decision.Kind.SUPPRESSED);
        assertThat(muted.reason()).isEqualTo("suppress_for 1h: rule " + ruleId + " alerted for source.ip=10.1.2.3 at "
                + T0 + " (alert a1)");
        assertThat(s.decide(alert("a3", ruleId, T0.plusSeconds(5), from("10.1.2.4", "10.0.0.9")))).as("another source")
                .isEqualTo(Decision.ACCEPT);
        assertThat(s.decide(alert("a4", ruleId, T0.plus(Duration.ofHours(1)), from("10.1.2.3")))).as("at the end")
                .isEqualTo(Decision.ACCEPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {SIGMA, IOC, ANOMALY, CORRELATION})
    void suppressEntitiesAllowlistsAddressesBlocksAndNames(String ruleId) {
        AlertSuppressor s = suppressor(new SuppressionRule(ruleId, Duration.ZERO, Duration.ZERO,
                List.of("10.9.9.10", "10.9.8.0/24", "fd00:9::/64", "SVC_Scanner")));

        assertThat(s.decide(alert("a1", ruleId, T0, from("10.9.9.10", "10.0.0.1"))).reason())
                .isEqualTo("suppress_entities: 10.9.9.10 is listed for rule " + ruleId + " (entry " + ruleId + ")");
        assertThat(s.decide(alert("a2", ruleId, T0, from("10.9.8.77"))).kind()).isEqualTo(Decision.Kind.SUPPRESSED);
        assertThat(s.decide(alert("a3", ruleId, T0, from("fd00:9::1"))).kind()).isEqualTo(Decision.Kind.SUPPRESSED);
        assertThat(s.decide(alert("a4", ruleId, T0, Entities.of("10.1.1.1", null, "svc_scanner", null))).reason())
                .startsWith("suppress_entities: svc_scanner ");
        assertThat(s.decide(alert("a5", ruleId, T0, from("10.9.9.11")))).isEqualTo(Decision.ACCEPT);
        assertThat(s.decide(alert("a6", "other.rule", T0, from("10.9.9.10")))).as("only for that rule")
                .isEqualTo(Decision.ACCEPT);
    }

    @Test
    void mostSpecificEntryWinsAndEntriesAreNotMerged() {
        SuppressionSettings settings = new SuppressionSettings(
                new SuppressionRule("*", Duration.ofMinutes(1), Duration.ZERO, List.of()),
                List.of(new SuppressionRule("fenghuo.*", Duration.ofMinutes(2), Duration.ZERO, List.of()),
                        new SuppressionRule("fenghuo.anomaly.*", Duration.ofMinutes(3), Duration.ZERO, List.of()),
                        new SuppressionRule("fenghuo.anomaly.port_scan.*", Duration.ofMinutes(4), Duration.ZERO, List.of()),
                        new SuppressionRule("fenghuo.anomaly.port_scan.vertical", Duration.ofMinutes(5), Duration.ZERO, List.of()),
                        new SuppressionRule("fenghuo.anomaly.*.vertical", Duration.ofMinutes(6), Duration.ZERO, List.of())));

        assertThat(settings.forRule("fenghuo.anomaly.port_scan.vertical").dedupWindow()).hasMinutes(5);
        assertThat(settings.forRule("fenghuo.anomaly.port_scan.horizontal").dedupWindow()).hasMinutes(4);
        assertThat(settings.forRule("fenghuo.anomaly.beacon.vertical").dedupWindow()).hasMinutes(6);
        assertThat(settings.forRule("fenghuo.anomaly.beaconing").dedupWindow()).hasMinutes(3);
        assertThat(settings.forRule("fenghuo.ioc.misp").dedupWindow()).hasMinutes(2);
        assertThat(settings.forRule(SIGMA).dedupWindow()).hasMinutes(1);
    }

    @Test
    void windowsEndWithTheWatermarkAndSurviveSnapshotRestore() {
        AlertSuppressor s = suppressor(new SuppressionRule("*", Duration.ofMinutes(10), Duration.ofMinutes(30), List.of()));
        s.decide(alert("a1", IOC, T0, from("10.1.2.3")));
        s.decide(alert("b1", ANOMALY, T0.plusSeconds(60), from("10.1.2.4")));
        assertThat(s.size()).isEqualTo(4);

        s.advanceWatermark(T0.plus(Duration.ofMinutes(10)).minusMillis(1));
        assertThat(s.size()).isEqualTo(4);
        s.advanceWatermark(T0.plus(Duration.ofMinutes(10))); // a1's dedup window ends
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.snapshot("source.ip=10.1.2.3")).extracting(SuppressionEntry::kind).containsExactly("suppress");

        AlertSuppressor restored = suppressor(new SuppressionRule("*", Duration.ofMinutes(10), Duration.ofMinutes(30), List.of()));
        restored.restore(s.snapshot());
        assertThat(restored.snapshot()).isEqualTo(s.snapshot());
        assertThat(restored.decide(alert("a2", IOC, T0.plus(Duration.ofMinutes(20)), from("10.1.2.3"))).kind())
                .isEqualTo(Decision.Kind.SUPPRESSED);
        assertThat(restored.decide(alert("b2", ANOMALY, T0.plus(Duration.ofMinutes(5)), from("10.1.2.4"))).duplicateOf())
                .isEqualTo("b1");
        restored.advanceWatermark(T0.plus(Duration.ofHours(2)));
        assertThat(restored.size()).isZero();
    }

    @Test
    void outOfOrderRepeatJustBeforeTheAnchorIsADuplicateToo() {
        AlertSuppressor s = suppressor(new SuppressionRule("*", Duration.ofMinutes(10), Duration.ZERO, List.of()));
        s.decide(alert("a1", SIGMA, T0, from("10.1.2.3")));

        assertThat(s.decide(alert("a0", SIGMA, T0.minusSeconds(30), from("10.1.2.3"))).duplicateOf()).isEqualTo("a1");
        assertThat(s.decide(alert("a00", SIGMA, T0.minus(Duration.ofMinutes(10)), from("10.1.2.3"))))
                .isEqualTo(Decision.ACCEPT);
    }
}
