package org.fenghuo.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.DataKey;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.keys.KeyRing;
import org.junit.jupiter.api.Test;

class FieldEnvelopeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void oldVersionsStillOpenAfterRotation() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String before = envelope.seal("13800138000", "user.phone|doc-1");
        keys.rotate();
        String after = envelope.seal("13800138000", "user.phone|doc-1");
        assertThat(FieldEnvelope.header(before).keyVersion()).isEqualTo(1);
        assertThat(FieldEnvelope.header(after).keyVersion()).isEqualTo(2);
        assertThat(before).doesNotContain("13800138000");
        assertThat(envelope.open(before, "user.phone|doc-1")).isEqualTo("13800138000");
        assertThat(envelope.open(after, "user.phone|doc-1")).isEqualTo("13800138000");
    }

    @Test
    void valueMovedToAnotherContextOrUnknownKeyDoesNotOpen() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String sealed = envelope.seal("secret", "user.name|doc-1");
        assertThatThrownBy(() -> envelope.open(sealed, "user.name|doc-2"))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("AUTHENTICATION_FAILED");
        assertThatThrownBy(() -> envelope.open(sealed.replace(":1:", ":7:"), "user.name|doc-1"))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("MISSING_KEY");
        assertThatThrownBy(() -> envelope.open("sm4gcm:v1:pii:x:AAAA", "c"))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("MALFORMED_INPUT");
    }

    @Test
    void aHeaderEditedToAnotherVersionOfTheSameKeyMaterialDoesNotOpen() {
        // both versions hold the same bytes, so only the header in the associated data can tell them apart
        byte[] material = new byte[16];
        random.nextBytes(material);
        SameMaterialKeyRing keys = new SameMaterialKeyRing(material, "pii", "pii2");
        FieldEnvelope envelope = new FieldEnvelope(keys, random, new DataKeyUsage(1_000, w -> { }));
        String sealed = envelope.seal("13800138000", "user.phone|doc-1");
        assertThat(sealed).startsWith("sm4gcm:v1:pii:2:");
        assertThat(envelope.open(sealed, "user.phone|doc-1")).isEqualTo("13800138000");

        for (String edited : new String[] {sealed.replace(":pii:2:", ":pii:1:"), sealed.replace(":pii:2:", ":pii2:2:")}) {
            assertThat(keys.dataKey(FieldEnvelope.header(edited).keyId(), FieldEnvelope.header(edited).keyVersion())
                    .material()).isEqualTo(material);
            assertThatThrownBy(() -> envelope.open(edited, "user.phone|doc-1")).isInstanceOfSatisfying(CryptoFailure.class,
                    e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
        }
    }

    @Test
    void aVersionSpelledOtherwiseIsMalformedNotAnotherNameForTheSameKey() {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random, new DataKeyUsage(1_000, w -> { }));
        String sealed = envelope.seal("x", "c");
        for (String version : new String[] {"01", "+1", "-1", "1a", "", "99999999999"}) {
            assertThatThrownBy(() -> envelope.open(sealed.replace(":pii:1:", ":pii:" + version + ":"), "c"))
                    .as(version).isInstanceOfSatisfying(CryptoFailure.class,
                            e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_INPUT));
        }
    }

    /** Versions 1 and 2 of two key ids, all with the same material; {@code current} v2 seals. */
    private static final class SameMaterialKeyRing implements KeyRing {
        private final byte[] material;
        private final String current;
        private final java.util.Set<String> ids;

        SameMaterialKeyRing(byte[] material, String current, String other) {
            this.material = material.clone();
            this.current = current;
            this.ids = java.util.Set.of(current, other);
        }

        @Override
        public DataKey currentDataKey() {
            return new DataKey(current, 2, material);
        }

        @Override
        public DataKey dataKey(String id, int version) {
            if (!ids.contains(id) || version < 1 || version > 2) {
                throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "no data key " + id + " v" + version);
            }
            return new DataKey(id, version, material);
        }

        @Override
        public byte[] blindIndexKey() {
            return new byte[32];
        }
    }
}
