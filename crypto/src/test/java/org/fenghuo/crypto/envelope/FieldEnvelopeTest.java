package org.fenghuo.crypto.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
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
}
