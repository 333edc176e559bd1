package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class IncidentFunctionTest {
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final String ATTACKER = "203.0.113.9";
    private static final String KEY = "source.ip=" + ATTACKER;

    private static Alert alert(String id, long secondsAfter, AttackTactic tactic) {
        return new Alert(id, T0.plusSeconds(secondsAfter), "rule-" + id, "rule " + id, null, Severity.HIGH, 73,
                IncidentCategory.NETWORK_ATTACK, List.of("ev-" + id), Entities.of(ATTACKER, "10.0.0.5", null, null),
                List.of(tactic), null, "alert " + id);
    }

    /** Alerts on the first input, learned-asset updates broadcast on the second; not yet opened. */
    static KeyedBroadcastOperatorTestHarness<String, Alert, LearnedAssetUpdate, Incident> unopened(IncidentConfig config)
            throws Exception {
        return new KeyedBroadcastOperatorTestHarness<>(new CoBroadcastWithKeyedOperator<>(new IncidentFunction(config),
                List.of(IncidentFunction.LEARNED_ASSETS)), IncidentBuilder::groupKey, Types.STRING, 1, 1, 0);
    }

    private static KeyedBroadcastOperatorTestHarness<String, Alert, LearnedAssetUpdate, Incident> harness() throws Exception {
        var h = unopened(IncidentConfig.defaults());
        h.open();
        return h;
    }

    /** What KeyedOneInputStreamOperatorTestHarness#numKeyedStateEntries counts, which the broadcast harness lacks. */
    private static int keyedStateEntries(KeyedBroadcastOperatorTestHarness<String, Alert, LearnedAssetUpdate, Incident> h) {
        var backend = ((org.apache.flink.streaming.api.operators.AbstractStreamOperator<?>) h.getTwoInputOperator())
                .getKeyedStateBackend();
        return ((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>) backend).numKeyValueStateEntries();
    }

    static void send(KeyedBroadcastOperatorTestHarness<String, Alert, LearnedAssetUpdate, Incident> h, Alert a) throws Exception {
        h.processElement(a, a.timestamp().toEpochMilli());
    }

    @Test
    void alertsArrivingOutOfOrderAreTakenInTimeOrderSoTheIdIsTheEarliestAlerts() throws Exception {
        try (var h = harness()) {
            send(h, alert("b-login", 20, AttackTactic.INITIAL_ACCESS));
            send(h, alert("a-scan", 10, AttackTactic.RECONNAISSANCE));
            assertThat(h.extractOutputValues()).as("nothing before the watermark passes them").isEmpty();

            h.watermark(T0.plusSeconds(30).toEpochMilli());

            List<Incident> versions = h.extractOutputValues();
            assertThat(versions).hasSize(2);
            assertThat(versions).extracting(Incident::id).containsOnly(IncidentIds.of(KEY, "a-scan"));
            assertThat(versions.get(1).alertIds()).containsExactly("a-scan", "b-login");
            assertThat(versions.get(1).tactics()).containsExactly(AttackTactic.RECONNAISSANCE, AttackTactic.INITIAL_ACCESS);
        }
    }

    @Test
    void anAlertBehindTheWatermarkStillJoinsItsIncident() throws Exception {
        try (var h = harness()) {
            send(h, alert("a", 10, AttackTactic.RECONNAISSANCE));
            h.watermark(T0.plusSeconds(100).toEpochMilli());
            send(h, alert("late-correlation", 50, AttackTactic.DISCOVERY));

            List<Incident> versions = h.extractOutputValues();
            assertThat(versions).hasSize(2);
            assertThat(versions.get(1).id()).isEqualTo(versions.get(0).id());
            assertThat(versions.get(1).alertIds()).containsExactly("a", "late-correlation");
        }
    }

    @Test
    void aQuietKeyHoldsNoStateOnceItsIncidentClosed() throws Exception {
        try (var h = harness()) {
            send(h, alert("a", 10, AttackTactic.RECONNAISSANCE));
            h.watermark(T0.plusSeconds(11).toEpochMilli());
            assertThat(keyedStateEntries(h)).isPositive();

            Duration join = IncidentSettings.defaults().joinWindow();
            h.watermark(T0.plusSeconds(10).plus(join).plusSeconds(1).toEpochMilli());

            assertThat(keyedStateEntries(h)).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
            // after closing, the key's next alert opens another incident
            send(h, alert("again", 10 + join.toSeconds() + 5, AttackTactic.RECONNAISSANCE));
            h.watermark(T0.plusSeconds(10 + join.toSeconds() + 6).toEpochMilli());
            List<Incident> versions = h.extractOutputValues();
            assertThat(versions.get(versions.size() - 1).id()).isEqualTo(IncidentIds.of(KEY, "again"))
                    .isNotEqualTo(versions.get(0).id());
        }
    }

    @Test
    void anIncidentContinuesAcrossARestoreWithTheSameId() throws Exception {
        OperatorSubtaskState snapshot;
        String id;
        try (var h = harness()) {
            send(h, alert("a", 10, AttackTactic.RECONNAISSANCE));
            h.watermark(T0.plusSeconds(11).toEpochMilli());
            send(h, alert("b", 20, AttackTactic.CREDENTIAL_ACCESS)); // still waiting for the watermark
            id = h.extractOutputValues().get(0).id();
            snapshot = h.snapshot(1, 1);
        }
        var restored = unopened(IncidentConfig.defaults());
        try (restored) {
            restored.initializeState(snapshot);
            restored.open();
            restored.watermark(T0.plusSeconds(30).toEpochMilli());

            List<Incident> versions = restored.extractOutputValues();
            assertThat(versions).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo(id);
                assertThat(i.alertIds()).containsExactly("a", "b");
            });
        }
    }

    /** The PLC the alerts point at (their destination), as the learner would announce it: serving Modbus since {@code t}. */
    private static LearnedAssetUpdate plcLearnedAt(Instant t) {
        return new LearnedAssetUpdate("10.0.0.5", new LearnedAsset("10.0.0.5", t,
                new java.util.TreeMap<>(java.util.Map.of("modbus", t)), null, null, null));
    }

    private static LearnedAssetUpdate hostLearnedAt(String ip, Instant t) {
        return new LearnedAssetUpdate(ip, new LearnedAsset(ip, t, null, null, null, null));
    }

    private static List<Incident> run(boolean withLearnedPlc) throws Exception {
        try (var h = harness()) {
            if (withLearnedPlc) {
                h.processBroadcastElement(plcLearnedAt(T0.plusSeconds(15)), T0.plusSeconds(15).toEpochMilli());
            }
            send(h, alert("a", 10, AttackTactic.RECONNAISSANCE));
            send(h, alert("b", 20, AttackTactic.INITIAL_ACCESS));
            h.watermark(T0.plusSeconds(30).toEpochMilli());
            return h.extractOutputValues();
        }
    }

    @Test
    void alertsAreScoredWithTheAssetsLearnedAsTheyWereAtTheAlertsTime() throws Exception {
        List<Incident> plain = run(false);
        List<Incident> learned = run(true);

        assertThat(learned).hasSize(2);
        assertThat(learned.get(0).riskScore()).as("alert a comes before the PLC was learned")
                .isEqualTo(plain.get(0).riskScore());
        assertThat(learned.get(1).riskScore()).as("alert b hits a learned PLC (criticality 4)")
                .isGreaterThan(plain.get(1).riskScore());
    }

    @Test
    void learnedAssetsSurviveARestoreInBroadcastState() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness()) {
            h.processBroadcastElement(plcLearnedAt(T0), T0.toEpochMilli());
            snapshot = h.snapshot(1, 1);
        }
        int withoutPlc;
        try (var h = harness()) {
            send(h, alert("b", 20, AttackTactic.INITIAL_ACCESS));
            h.watermark(T0.plusSeconds(30).toEpochMilli());
            withoutPlc = h.extractOutputValues().get(0).riskScore();
        }
        try (var restored = unopened(IncidentConfig.defaults())) {
            restored.initializeState(snapshot);
            restored.open();
            send(restored, alert("b", 20, AttackTactic.INITIAL_ACCESS));
            restored.watermark(T0.plusSeconds(30).toEpochMilli());

            assertThat(restored.extractOutputValues().get(0).riskScore()).isGreaterThan(withoutPlc);
        }
    }

    private static int riskOfOneAlert(long alertSecond, LearnedAssetUpdate... updates) throws Exception {
        try (var h = harness()) {
            for (LearnedAssetUpdate u : updates) {
                h.processBroadcastElement(u, T0.toEpochMilli());
            }
            send(h, alert("x", alertSecond, AttackTactic.INITIAL_ACCESS));
            h.watermark(T0.plusSeconds(alertSecond + 10).toEpochMilli());
            return h.extractOutputValues().get(0).riskScore();
        }
    }

    @Test
    void aForgottenAssetStillCountsForAlertsBeforeItsEndWhenTheyAreTakenAfterIt() throws Exception {
        LearnedAssetUpdate learned = plcLearnedAt(T0);
        LearnedAssetUpdate forgotten = LearnedAssetUpdate.forgotten(learned.learned(), T0.plusSeconds(25));

        // the forgetting arrives before the alert is taken (the learner's watermark jumped past the end)
        assertThat(riskOfOneAlert(20, learned, forgotten)).isEqualTo(riskOfOneAlert(20, learned))
                .isGreaterThan(riskOfOneAlert(20));
        assertThat(riskOfOneAlert(40, learned, forgotten)).as("after its end").isEqualTo(riskOfOneAlert(40));
    }

    @Test
    void theBroadcastSideHoldsAlertsBackUntilItsUpdatesForTheirTimeHaveCome() throws Exception {
        int plain = riskOfOneAlert(20);
        try (var h = harness()) {
            send(h, alert("b", 20, AttackTactic.INITIAL_ACCESS));
            h.processWatermark(T0.plusSeconds(30).toEpochMilli()); // the alerts' side only
            assertThat(h.extractOutputValues()).as("the learner's side has not passed the alert yet").isEmpty();

            h.processBroadcastElement(plcLearnedAt(T0.plusSeconds(15)), T0.plusSeconds(15).toEpochMilli());
            h.processBroadcastWatermark(T0.plusSeconds(30).toEpochMilli());

            assertThat(h.extractOutputValues()).singleElement().satisfies(i ->
                    assertThat(i.riskScore()).isGreaterThan(plain));
        }
    }

    @Test
    void forgottenAssetsAreDroppedFromBroadcastStateADayAfterTheirEnd() throws Exception {
        try (var h = harness()) {
            LearnedAssetUpdate learned = plcLearnedAt(T0);
            h.processBroadcastElement(LearnedAssetUpdate.forgotten(learned.learned(), T0.plusSeconds(25)),
                    T0.toEpochMilli());
            h.watermark(T0.plus(IncidentFunction.FORGOTTEN_KEPT).plusSeconds(24).toEpochMilli());
            h.processBroadcastElement(hostLearnedAt("10.0.0.6", T0), T0.toEpochMilli()); // any update prunes
            assertThat(h.getBroadcastState(IncidentFunction.LEARNED_ASSETS).contains("10.0.0.5")).as("a day not yet over")
                    .isTrue();

            h.watermark(T0.plus(IncidentFunction.FORGOTTEN_KEPT).plusSeconds(26).toEpochMilli());
            h.processBroadcastElement(hostLearnedAt("10.0.0.7", T0), T0.toEpochMilli());
            assertThat(h.getBroadcastState(IncidentFunction.LEARNED_ASSETS).contains("10.0.0.5")).isFalse();
            assertThat(h.getBroadcastState(IncidentFunction.LEARNED_ASSETS).contains("10.0.0.7")).isTrue();
        }
    }
}
