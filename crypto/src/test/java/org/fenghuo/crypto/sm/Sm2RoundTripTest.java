package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;

class Sm2RoundTripTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void signatureVerifiesOnlyForTheSignedMessageAndId() {
        KeyPair keys = Sm2.generateKeyPair(random);
        byte[] message = "isolate 10.1.2.3".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(keys.getPrivate(), message, random);
        assertThat(Sm2.verify(keys.getPublic(), message, signature)).isTrue();
        assertThat(Sm2.verify(keys.getPublic(), "isolate 10.1.2.4".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(Sm2.verify(keys.getPublic(), "other-id".getBytes(StandardCharsets.US_ASCII), message, signature)).isFalse();
    }

    @Test
    void garbledOrMissingSignaturesDoNotVerify() {
        KeyPair keys = Sm2.generateKeyPair(random);
        byte[] message = "checkpoint 7".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(keys.getPrivate(), message, random);
        assertThat(Sm2.verify(keys.getPublic(), message, null)).isFalse();
        assertThat(Sm2.verify(keys.getPublic(), message, new byte[0])).isFalse();
        assertThat(Sm2.verify(keys.getPublic(), message, java.util.Arrays.copyOf(signature, signature.length - 3))).isFalse();
        byte[] flipped = signature.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThat(Sm2.verify(keys.getPublic(), message, flipped)).isFalse();
        assertThat(Sm2.verify(Sm2.generateKeyPair(random).getPublic(), message, signature)).isFalse();
    }

    @Test
    void encryptionRoundTripsAndRefusesAnotherKey() {
        KeyPair keys = Sm2.generateKeyPair(random);
        byte[] ciphertext = Sm2.encrypt(keys.getPublic(), new byte[] {1, 2, 3}, random);
        assertThat(ciphertext[0]).isEqualTo((byte) 0x04);
        assertThat(ciphertext).hasSize(65 + 32 + 3);
        assertThat(Sm2.decrypt(keys.getPrivate(), ciphertext)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> Sm2.decrypt(Sm2.generateKeyPair(random).getPrivate(), ciphertext))
                .isInstanceOf(CryptoFailure.class)
                .extracting(e -> ((CryptoFailure) e).reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void gcmRefusesWrongAadAndTruncation() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        Sm4Gcm gcm = new Sm4Gcm(key, random);
        byte[] aad = "user.id|doc-1".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = gcm.seal("110105199001011234".getBytes(StandardCharsets.UTF_8), aad);
        assertThat(new String(gcm.open(sealed, aad), StandardCharsets.UTF_8)).isEqualTo("110105199001011234");
        assertThatThrownBy(() -> gcm.open(sealed, "user.id|doc-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoFailure.class).hasMessageContaining("AUTHENTICATION_FAILED");
        assertThatThrownBy(() -> gcm.open(new byte[20], aad))
                .isInstanceOf(CryptoFailure.class).hasMessageContaining("MALFORMED_INPUT");
    }
}
