package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
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

    private static KeyedOneInputStreamOperatorTestHarness<String, Alert, Incident> harness() throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new IncidentFunction(IncidentConfig.defaults())), IncidentBuilder::groupKey, Types.STRING);
        h.open();
        return h;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, Alert, Incident> h, Alert a) throws Exception {
        h.processElement(a, a.timestamp().toEpochMilli());
    }

    @Test
    void alertsArrivingOutOfOrderAreTakenInTimeOrderSoTheIdIsTheEarliestAlerts() throws Exception {
        try (var h = harness()) {
            send(h, alert("b-login", 20, AttackTactic.INITIAL_ACCESS));
            send(h, alert("a-scan", 10, AttackTactic.RECONNAISSANCE));
            assertThat(h.extractOutputValues()).as("nothing before the watermark passes them").isEmpty();

            h.processWatermark(T0.plusSeconds(30).toEpochMilli());

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
            h.processWatermark(T0.plusSeconds(100).toEpochMilli());
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
            h.processWatermark(T0.plusSeconds(11).toEpochMilli());
            assertThat(h.numKeyedStateEntries()).isPositive();

            Duration join = IncidentSettings.defaults().joinWindow();
            h.processWatermark(T0.plusSeconds(10).plus(join).plusSeconds(1).toEpochMilli());

            assertThat(h.numKeyedStateEntries()).isZero();
            assertThat(h.numEventTimeTimers()).isZero();
            // after closing, the key's next alert opens another incident
            send(h, alert("again", 10 + join.toSeconds() + 5, AttackTactic.RECONNAISSANCE));
            h.processWatermark(T0.plusSeconds(10 + join.toSeconds() + 6).toEpochMilli());
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
            h.processWatermark(T0.plusSeconds(11).toEpochMilli());
            send(h, alert("b", 20, AttackTactic.CREDENTIAL_ACCESS)); // still waiting for the watermark
            id = h.extractOutputValues().get(0).id();
            snapshot = h.snapshot(1, 1);
        }
        var restored = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new IncidentFunction(IncidentConfig.defaults())), IncidentBuilder::groupKey, Types.STRING);
        try (restored) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processWatermark(T0.plusSeconds(30).toEpochMilli());

            List<Incident> versions = restored.extractOutputValues();
            assertThat(versions).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo(id);
                assertThat(i.alertIds()).containsExactly("a", "b");
            });
        }
    }
}
