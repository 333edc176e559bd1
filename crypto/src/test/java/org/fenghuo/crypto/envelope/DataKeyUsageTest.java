package org.fenghuo.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.junit.jupiter.api.Test;

class DataKeyUsageTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void sealingStopsAtTheLimitWarnsAtHalfAndResumesAfterRotation() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        List<String> warnings = new ArrayList<>();
        DataKeyUsage usage = new DataKeyUsage(6, warnings::add);
        FieldEnvelope envelope = new FieldEnvelope(keys, random, usage);
        List<String> sealed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sealed.add(envelope.seal("value " + i, "user.name|doc-" + i));
            assertThat(warnings).hasSize(i + 1 >= 3 ? 1 : 0);
        }
        assertThat(warnings.get(0)).contains("pii v1").contains("sealed 3 values").contains("limit of 6")
                .contains("fenghuo keys rotate");

        assertThatThrownBy(() -> envelope.seal("value 6", "user.name|doc-6")).isInstanceOfSatisfying(CryptoFailure.class,
                e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.KEY_EXHAUSTED))
                .hasMessageContaining("data key pii v1").hasMessageContaining("limit of 6").hasMessageNotContaining("value 6");
        assertThat(usage.seals("pii", 1)).isEqualTo(6); // a refused seal is not counted
        // opening is not sealing: values of the exhausted key still open, and count nothing
        assertThat(envelope.open(sealed.get(5), "user.name|doc-5")).isEqualTo("value 5");

        keys.rotate();
        String fresh = envelope.seal("value 6", "user.name|doc-6");
        assertThat(FieldEnvelope.header(fresh).keyVersion()).isEqualTo(2);
        assertThat(usage.snapshot()).isEqualTo(Map.of("pii:1", 6L, "pii:2", 1L));
        assertThat(warnings).hasSize(1);
    }

    @Test
    void envelopesSharingAUsageShareTheCount() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        DataKeyUsage usage = new DataKeyUsage(4, w -> { });
        FieldEnvelope first = new FieldEnvelope(keys, random, usage);
        FieldEnvelope second = new FieldEnvelope(keys, random, usage);
        first.seal("a", "c");
        second.seal("b", "c");
        first.seal("c", "c");
        second.seal("d", "c");
        assertThat(first.usage().seals("pii", 1)).isEqualTo(4);
        assertThatThrownBy(() -> second.seal("e", "c")).isInstanceOfSatisfying(CryptoFailure.class,
                e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.KEY_EXHAUSTED));
    }

    @Test
    void theCountIsAGaugePerKeyVersion() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        DataKeyUsage usage = new DataKeyUsage(100, w -> { });
        FieldEnvelope envelope = new FieldEnvelope(keys, random, usage);
        envelope.seal("a", "c");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        usage.bindTo(registry);
        envelope.seal("b", "c");
        keys.rotate();
        envelope.seal("c", "c"); // v2's counter appears after binding: registered too

        assertThat(registry.get(DataKeyUsage.METER).tag("key_id", "pii").tag("key_version", "1").gauge().value())
                .isEqualTo(2.0);
        assertThat(registry.get(DataKeyUsage.METER).tag("key_version", "2").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void theDefaultIsHalfOfTheSp80038dBoundAndShared() {
        assertThat(DataKeyUsage.DEFAULT_LIMIT).isEqualTo(2_147_483_648L);
        assertThat(DataKeyUsage.shared().limit()).isEqualTo(DataKeyUsage.DEFAULT_LIMIT);
        InMemoryKeyRing keys = new InMemoryKeyRing("shared-usage-test", random);
        assertThat(new FieldEnvelope(keys, random).usage()).isSameAs(DataKeyUsage.shared());
        new FieldEnvelope(keys, random).seal("a", "c");
        new FieldEnvelope(keys, random).seal("b", "c");
        assertThat(DataKeyUsage.shared().seals("shared-usage-test", 1)).isEqualTo(2);
        assertThatThrownBy(() -> new DataKeyUsage(1, w -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
