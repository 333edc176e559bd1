package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fenghuo.correlation.incident.TestAlerts.T0;
import static org.fenghuo.correlation.incident.TestAlerts.alert;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.fenghuo.events.Asset;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class IncidentStateCodecTest {

    @Test
    void builderStateRoundTripsAndTheRestoredBuilderContinues() {
        AssetInventory inventory = AssetInventory.of(List.of(new Asset("scada", "scada", List.of("10.0.0.9"), null, 5,
                "ot", null, true, List.of())));
        IncidentBuilder b = new IncidentBuilder(IncidentSettings.defaults(), inventory);
        b.accept(new org.fenghuo.events.Alert("a1", T0, "r1", "Brute force", "1", Severity.HIGH, 73,
                IncidentCategory.NETWORK_ATTACK, List.of("e1"),
                new Entities(List.of("10.1.2.3"), List.of("10.0.0.9", "fd00::1"), List.of("alice"), List.of("pc1")),
                List.of(AttackTactic.CREDENTIAL_ACCESS, AttackTactic.INITIAL_ACCESS),
                List.of(new AttackTechnique("T1110.001", "Password Guessing"), AttackTechnique.of("T1078")), "m"));
        b.accept(alert("b1", "r2", T0.plusSeconds(5), Entities.of(null, null, null, "pc9")));
        b.advanceWatermark(T0.plusSeconds(1));
        IncidentBuilderState state = b.snapshot();

        byte[] json = IncidentStateCodec.encode(state);
        IncidentBuilderState back = IncidentStateCodec.decodeIncidentState(json);

        assertThat(back).isEqualTo(state);
        assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("\"empty\"").contains("\"2026-03-01T08:00:00Z\"");
        IncidentBuilder restored = new IncidentBuilder(IncidentSettings.defaults(), inventory);
        restored.restore(back);
        assertThat(restored.accept(alert("a2", "r3", T0.plus(Duration.ofMinutes(1)), TestAlerts.from("10.1.2.3"))).get(0).id())
                .isEqualTo(IncidentIds.of("source.ip=10.1.2.3", "a1"));
    }

    @Test
    void learnedAssetsStateRoundTrips() {
        LearnedAssets l = new LearnedAssets(LearnedAssetSettings.defaults(), null);
        l.observe(LearnedAssetsTest.flow(T0, "10.5.0.20", "10.5.0.10", 502, 100));
        l.observe(LearnedAssetsTest.flow(T0, "10.5.0.21", "10.5.0.11", 22, 100));
        l.advanceWatermark(T0);
        LearnedAssetsState state = l.snapshot();

        assertThat(IncidentStateCodec.decodeLearnedAssets(IncidentStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void olderOrPartialStateStillReadsAndGarbageIsRefusedWithTheType() {
        IncidentBuilderState partial = IncidentStateCodec.decodeIncidentState(
                "{\"watermark\":\"2026-03-01T08:00:00Z\",\"future_field\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(partial.open()).isEmpty();
        assertThat(partial.counters()).isEqualTo(IncidentCounters.ZERO);
        assertThat(partial.watermark()).isEqualTo(T0);
        assertThatThrownBy(() -> IncidentStateCodec.decodeIncidentState("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot decode IncidentBuilderState");
    }
}
