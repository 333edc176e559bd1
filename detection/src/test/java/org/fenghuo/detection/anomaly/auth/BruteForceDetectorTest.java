package org.fenghuo.detection.anomaly.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.anomaly.Events.auth;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.SyntheticTraffic.KeyDriver;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class BruteForceDetectorTest {
    private static final BruteForceConfig CONFIG = BruteForceConfig.defaults();
    private static final String ATTACKER = "203.0.113.7";

    private static List<SecurityEvent> failures(int n, long startMillis, long stepMillis, String... users) {
        List<SecurityEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(auth("f" + startMillis + "-" + i, startMillis + i * stepMillis, ATTACKER, users[i % users.length],
                    "failure"));
        }
        return out;
    }

    private static List<Alert> both(List<SecurityEvent> events) {
        List<Alert> alerts = new ArrayList<>(DetectorRunner.run(BruteForceDetector.bruteForce(CONFIG), events));
        alerts.addAll(DetectorRunner.run(BruteForceDetector.successAfterBruteForce(CONFIG), events));
        return alerts;
    }

    @Test
    void tenFailuresInFiveMinutesFireGuessingAndNineDoNot() {
        List<Alert> alerts = both(failures(10, 0, 1_000, "root"));
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.brute_force");
        assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T1110", "T1110.001");
        assertThat(a.eventIds()).hasSize(10);
        assertThat(a.entities().sourceIps()).containsExactly(ATTACKER);
        assertThat(a.entities().users()).containsExactly("root");
        assertThat(a.message()).contains("10 failed logins for source 203.0.113.7", "users: root");
        assertThat(both(failures(9, 0, 1_000, "root"))).isEmpty();
    }

    @Test
    void windowEdgeTheFirstFailureExactlyFiveMinutesOldNoLongerCounts() {
        List<SecurityEvent> events = new ArrayList<>(failures(9, 0, 0, "root"));
        events.add(auth("edge", 300_000, ATTACKER, "root", "failure"));
        assertThat(both(events)).isEmpty();
        events.set(9, auth("edge", 299_999, ATTACKER, "root", "failure"));
        assertThat(both(events)).hasSize(1);
    }

    @Test
    void manyUsersIsSprayingAndOneAlertPerWindow() {
        // 60 failures over 10 minutes, 6 user names: 2 windows
        List<Alert> alerts = DetectorRunner.run(BruteForceDetector.bruteForce(CONFIG),
                failures(60, 0, 10_000, "root", "admin", "oracle", "test", "ubuntu", "pi"));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).techniques()).extracting(t -> t.id()).containsExactly("T1110", "T1110.003");
        assertThat(alerts.get(1).timestamp().toEpochMilli() - alerts.get(0).timestamp().toEpochMilli())
                .isGreaterThanOrEqualTo(300_000);
    }

    @Test
    void successAfterBruteForceIsASecondHigherRuleOnlyWithinTheArmedTime() {
        List<SecurityEvent> events = new ArrayList<>(failures(12, 0, 1_000, "root"));
        events.add(auth("ok", 11_000 + 600_000, ATTACKER, "root", "success")); // exactly 10 min after the last failure
        List<Alert> alerts = both(events);
        assertThat(alerts).extracting(Alert::ruleId)
                .containsExactly("fenghuo.anomaly.brute_force", "fenghuo.anomaly.brute_force.success");
        Alert success = alerts.get(1);
        assertThat(success.severity()).isEqualTo(Severity.HIGH);
        assertThat(success.severity().compareTo(alerts.get(0).severity())).isPositive();
        assertThat(success.techniques()).extracting(t -> t.id()).containsExactly("T1110", "T1110.001", "T1078");
        assertThat(success.eventIds()).endsWith("ok").contains("f0-11");
        assertThat(success.message()).contains("successful login as root", "after 12 failed logins");
        events.set(12, auth("ok", 11_000 + 600_001, ATTACKER, "root", "success"));
        assertThat(both(events)).extracting(Alert::ruleId).containsExactly("fenghuo.anomaly.brute_force");
    }

    @Test
    void successWithoutBruteForceOrFromAnotherSourceIsQuietAndOnlyOnceAfterOneBruteForce() {
        List<SecurityEvent> events = new ArrayList<>(failures(9, 0, 1_000, "alice"));
        events.add(auth("ok1", 20_000, ATTACKER, "alice", "success"));
        assertThat(both(events)).isEmpty();
        events = new ArrayList<>(failures(10, 0, 1_000, "root"));
        events.add(auth("other", 20_000, "198.51.100.1", "root", "success"));
        events.add(auth("ok1", 21_000, ATTACKER, "root", "success"));
        events.add(auth("ok2", 22_000, ATTACKER, "root", "success"));
        assertThat(DetectorRunner.run(BruteForceDetector.successAfterBruteForce(CONFIG), events))
                .extracting(a -> a.eventIds().get(a.eventIds().size() - 1)).containsExactly("ok1");
    }

    @Test
    void repeatedLinesCountTheirRepeatsAndDuplicateSummaryActionsDoNot() {
        List<SecurityEvent> events = new ArrayList<>(failures(2, 0, 1_000, "root"));
        // "message repeated 8 times: [ Failed password ... ]" stands for 8 more attempts
        events.add(failures(1, 5_000, 0, "root").get(0).toBuilder().extraField("fenghuo.syslog.repeated", 8).build());
        assertThat(both(events)).hasSize(1);
        List<SecurityEvent> summaries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SecurityEvent f = auth("s" + i, i * 1_000L, ATTACKER, "root", "failure");
            summaries.add(f.toBuilder().event(new SecurityEvent.EventInfo("s" + i, "event", List.of("authentication"),
                    List.of("info"), "pam_authentication_failure", "failure", "syslog", "syslog.pam", null, null, null,
                    null, null, null, null, null)).build());
        }
        assertThat(both(summaries)).isEmpty();
    }

    @Test
    void stateHoldsAtMostTheThresholdAndKeysExpire() {
        BruteForceDetector detector = BruteForceDetector.successAfterBruteForce(CONFIG);
        KeyDriver<AuthState> context = new KeyDriver<>(detector, ATTACKER);
        AuthState state = context.state;
        failures(5_000, 0, 10, "root").forEach(context::accept);
        assertThat(state.failuresHeld()).isEqualTo(CONFIG.minFailures());
        assertThat(context.timers).hasSize(1);

        List<Alert> alerts = new ArrayList<>();
        DetectorRunner<AuthState> runner = new DetectorRunner<>(detector, 0, alerts::add);
        failures(10, 0, 1_000, "root").forEach(runner::accept);
        runner.accept(auth("x", 9_000 + 599_999, "198.51.100.9", "bob", "failure"));
        assertThat(runner.keys()).isEqualTo(2); // armed until 10 min after the last failure
        runner.accept(auth("y", 9_000 + 600_001, "198.51.100.9", "bob", "success"));
        assertThat(runner.keys()).isEqualTo(1);
        assertThat(runner.pendingTimers()).isEqualTo(1);
        runner.accept(auth("z", 9_000 + 600_000 + 300_000, "198.51.100.10", "carol", "success"));
        assertThat(runner.keys()).isZero(); // a success alone leaves no state
        assertThat(alerts).isEmpty();
    }

    @Test
    void keyByUserCatchesOneAccountAttackedFromManySources() {
        BruteForceConfig byUser = BruteForceConfig.fromYaml("key_by: user\nmin_failures: 5", "t").orThrow();
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(auth("u" + i, i * 1_000L, "198.51.100." + i, "admin", "failure"));
        }
        assertThat(DetectorRunner.run(BruteForceDetector.bruteForce(CONFIG), events)).isEmpty();
        List<Alert> alerts = DetectorRunner.run(BruteForceDetector.bruteForce(byUser), events);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).message()).contains("for user admin");
        assertThat(alerts.get(0).entities().sourceIps()).hasSize(1); // the latest; evidence ids name all five
        assertThat(alerts.get(0).eventIds()).hasSize(5);
    }
}
