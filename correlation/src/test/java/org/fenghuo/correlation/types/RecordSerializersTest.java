package org.fenghuo.correlation.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.IncidentStatus;
import org.fenghuo.events.Severity;
import org.fenghuo.events.WarningLevel;
import org.junit.jupiter.api.Test;

class RecordSerializersTest {
    private static final Instant T = Instant.parse("2026-11-24T03:04:05.123456789Z");
    private static final Entities ENTITIES = new Entities(List.of("203.0.113.7"), List.of("10.1.0.5", "10.1.0.6"),
            List.of("root"), List.of());

    static Alert alert(String message) {
        return new Alert("a-1", T, "fenghuo.anomaly.port_scan.horizontal", "Horizontal port scan", null, Severity.HIGH,
                73, IncidentCategory.NETWORK_ATTACK, List.of("e1", "e2"), ENTITIES,
                List.of(AttackTactic.DISCOVERY, AttackTactic.RECONNAISSANCE),
                List.of(new AttackTechnique("T1046", "Network Service Discovery"), new AttackTechnique("T0855", null)),
                message);
    }

    @Test
    void alertsRoundTripWithNullsAndLongMessages() throws IOException {
        // writeUTF would stop at 64 KB; a message is ours to size
        String longMessage = "扫描".repeat(40_000);
        for (Alert a : List.of(alert("scan of 12 hosts"), alert(null), alert(longMessage))) {
            assertThat(roundTrip(AlertSerializer.INSTANCE, a)).isEqualTo(a);
        }
    }

    @Test
    void incidentsRoundTripIncludingUnclassifiedOnes() throws IOException {
        Incident full = new Incident("i-1", T, T.plusSeconds(90), "Brute force then login from 203.0.113.7",
                IncidentStatus.values()[0], Severity.CRITICAL, 88, List.of("a-1", "a-2"), ENTITIES,
                List.of(AttackTactic.CREDENTIAL_ACCESS, AttackTactic.LATERAL_MOVEMENT), List.of(AttackTechnique.of("T1110")),
                IncidentCategory.NETWORK_ATTACK, WarningLevel.ORANGE);
        Incident bare = new Incident("i-2", T, null, null, IncidentStatus.values()[0], Severity.LOW, 0, null, null, null,
                null, null, null);
        assertThat(roundTrip(IncidentSerializer.INSTANCE, full)).isEqualTo(full);
        assertThat(roundTrip(IncidentSerializer.INSTANCE, bare)).isEqualTo(bare);
    }

    @Test
    void ruleHitsRoundTripWithTheirEvent() throws IOException {
        RuleHit hit = new RuleHit("rule-1", null, T, TestEvents.sshFailure("id-9", T, "10.1.2.3"));
        RuleHit back = roundTrip(RuleHitSerializer.INSTANCE, hit);
        assertThat(back).isEqualTo(hit);
    }

    @Test
    void learnedAssetUpdatesAndObservationsRoundTrip() throws IOException {
        var learned = new org.fenghuo.correlation.incident.LearnedAsset("10.5.0.10", T,
                new java.util.TreeMap<>(java.util.Map.of("modbus", T, "dnp3", T.plusSeconds(5))),
                new java.util.TreeMap<>(java.util.Map.of(22, T.plusSeconds(1))), null, T.plusSeconds(9));
        var update = new org.fenghuo.correlation.incident.LearnedAssetUpdate("10.5.0.10", learned);
        assertThat(roundTrip(LearnedAssetUpdateSerializer.INSTANCE, update)).isEqualTo(update);
        var forgotten = org.fenghuo.correlation.incident.LearnedAssetUpdate.forgotten(learned, T.plusSeconds(60));
        assertThat(roundTrip(LearnedAssetUpdateSerializer.INSTANCE, forgotten)).isEqualTo(forgotten);
        var observation = new org.fenghuo.correlation.incident.AssetObservation(T, "10.5.0.10", null, null, "s7comm");
        assertThat(roundTrip(AssetObservationSerializer.INSTANCE, observation)).isEqualTo(observation);
        var withPort = new org.fenghuo.correlation.incident.AssetObservation(T, "10.5.0.10", "10.5.0.20", 502, null);
        assertThat(roundTrip(AssetObservationSerializer.INSTANCE, withPort)).isEqualTo(withPort);
    }

    @Test
    void anUnknownEnumNameIsCorruptionNotADefault() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        AlertSerializer.INSTANCE.serialize(alert("x"), out);
        byte[] bytes = out.getCopyOfBuffer();
        // "HIGH" is the only place those bytes occur: make it a name no Severity has
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("HIGH", "HUGE");
        byte[] corrupt = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> AlertSerializer.INSTANCE.deserialize(new DataInputDeserializer(corrupt)))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown Severity 'HUGE'");
    }

    @Test
    void copyBetweenViewsKeepsTheValue() throws IOException {
        DataOutputSerializer first = new DataOutputSerializer(64);
        AlertSerializer.INSTANCE.serialize(alert("m"), first);
        DataOutputSerializer second = new DataOutputSerializer(64);
        AlertSerializer.INSTANCE.copy(new DataInputDeserializer(first.getCopyOfBuffer()), second);
        assertThat(second.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
    }

    @Test
    void typeInfosSurviveJavaSerialisationOfTheJobGraph() throws Exception {
        for (SingletonTypeInfo<?> info : List.of(AlertTypeInfo.INSTANCE, IncidentTypeInfo.INSTANCE,
                RuleHitTypeInfo.INSTANCE, SecurityEventTypeInfo.INSTANCE, AssetObservationTypeInfo.INSTANCE,
                LearnedAssetUpdateTypeInfo.INSTANCE)) {
            SingletonTypeInfo<?> copy = InstantiationUtil.clone(info);
            assertThat(copy).isEqualTo(info);
            assertThat(copy.createSerializer(null)).isSameAs(info.createSerializer(null));
        }
        assertThat(AlertTypeInfo.INSTANCE).isNotEqualTo(IncidentTypeInfo.INSTANCE);
    }

    @Test
    void snapshotsRestoreTheSingletons() {
        for (TypeSerializer<?> s : List.of(AlertSerializer.INSTANCE, IncidentSerializer.INSTANCE, RuleHitSerializer.INSTANCE,
                AssetObservationSerializer.INSTANCE, LearnedAssetUpdateSerializer.INSTANCE)) {
            assertThat(s.snapshotConfiguration().restoreSerializer()).isSameAs(s);
        }
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        serializer.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T first = serializer.deserialize(in);
        assertThat(serializer.deserialize(in)).isEqualTo(first);
        assertThat(in.available()).isZero();
        return first;
    }
}
