package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;

/** SM4-CBC, SM4-CTR and SM4-GCM with a caller nonce: round trips and each kind of bad input. */
class Sm4ModesTest {

    private final SecureRandom random = new SecureRandom();

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static void failsWith(CryptoFailure.Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CryptoFailure.class)
                .extracting(e -> ((CryptoFailure) e).reason()).isEqualTo(reason);
    }

    @Test
    void cbcPadsToWholeBlocksAndRoundTrips() {
        byte[] key = bytes(16);
        byte[] iv = bytes(16);
        for (int n : new int[] {0, 1, 15, 16, 17, 4096}) {
            byte[] plaintext = bytes(n);
            byte[] ciphertext = Sm4Cbc.encrypt(key, iv, plaintext);
            assertThat(ciphertext).hasSize((n / 16 + 1) * 16);
            assertThat(Sm4Cbc.decrypt(key, iv, ciphertext)).isEqualTo(plaintext);
        }
    }

    @Test
    void cbcRefusesBadKeysIvsLengthsAndPadding() {
        byte[] key = bytes(16);
        byte[] iv = bytes(16);
        byte[] ciphertext = Sm4Cbc.encrypt(key, iv, "13800138000".getBytes(StandardCharsets.US_ASCII));
        failsWith(CryptoFailure.Reason.WRONG_KEY_TYPE, () -> Sm4Cbc.encrypt(bytes(24), iv, new byte[1]));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm4Cbc.encrypt(key, bytes(12), new byte[1]));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm4Cbc.decrypt(key, iv, new byte[0]));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm4Cbc.decrypt(key, iv, java.util.Arrays.copyOf(ciphertext, 15)));
        // a wrong key leaves random padding: 255 in 256 such keys are caught, so try a few
        int caught = 0;
        for (int i = 0; i < 8; i++) {
            try {
                Sm4Cbc.decrypt(bytes(16), iv, ciphertext);
            } catch (CryptoFailure e) {
                assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_INPUT);
                assertThat(e.getMessage()).doesNotContain("13800138000");
                caught++;
            }
        }
        assertThat(caught).isGreaterThanOrEqualTo(6);
    }

    @Test
    void ctrKeepsTheLengthAndRefusesBadKeysAndIvs() {
        byte[] key = bytes(16);
        byte[] iv = bytes(16);
        byte[] plaintext = bytes(33);
        byte[] ciphertext = Sm4Ctr.encrypt(key, iv, plaintext);
        assertThat(ciphertext).hasSize(33).isNotEqualTo(plaintext);
        assertThat(Sm4Ctr.decrypt(key, iv, ciphertext)).isEqualTo(plaintext);
        failsWith(CryptoFailure.Reason.WRONG_KEY_TYPE, () -> Sm4Ctr.encrypt(null, iv, plaintext));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm4Ctr.encrypt(key, bytes(8), plaintext));
    }

    @Test
    void gcmWithNonceRefusesANonceUsedBeforeWithTheSameKey() {
        byte[] key = bytes(16);
        Sm4GcmWithNonce gcm = new Sm4GcmWithNonce(key);
        byte[] nonce = bytes(12);
        byte[] aad = "user.id|doc-7".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = gcm.seal(nonce, "first".getBytes(StandardCharsets.UTF_8), aad);
        assertThatThrownBy(() -> gcm.seal(nonce.clone(), "second".getBytes(StandardCharsets.UTF_8), aad))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("NONCE_REUSED").hasMessageNotContaining("second");
        assertThat(new String(gcm.open(nonce, sealed, aad), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(new String(gcm.open(nonce, sealed, aad), StandardCharsets.UTF_8)).as("opening twice is fine").isEqualTo("first");
        nonce[11] ^= 1;
        assertThat(gcm.seal(nonce, new byte[3], aad)).hasSize(3 + 16);
    }

    @Test
    void gcmWithNonceStopsSealingWhenItsRecordIsFull() {
        Sm4GcmWithNonce gcm = new Sm4GcmWithNonce(bytes(16));
        byte[] nonce = new byte[12];
        for (int i = 0; i < Sm4GcmWithNonce.MAX_NONCES; i++) {
            nonce[8] = (byte) (i >>> 24);
            nonce[9] = (byte) (i >>> 16);
            nonce[10] = (byte) (i >>> 8);
            nonce[11] = (byte) i;
            gcm.seal(nonce, new byte[0], new byte[0]);
        }
        byte[] fresh = bytes(12);
        fresh[0] = 1;
        assertThatThrownBy(() -> gcm.seal(fresh, new byte[1], new byte[0]))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("NONCE_REUSED").hasMessageContaining("new key");
    }

    @Test
    void gcmWithNonceRefusesTamperingWrongAadAndBadSizes() {
        byte[] key = bytes(16);
        Sm4GcmWithNonce gcm = new Sm4GcmWithNonce(key);
        byte[] nonce = bytes(12);
        byte[] sealed = gcm.seal(nonce, bytes(40), new byte[] {1});
        byte[] flipped = sealed.clone();
        flipped[5] ^= 0x20;
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> gcm.open(nonce, flipped, new byte[] {1}));
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> gcm.open(nonce, sealed, new byte[] {2}));
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> new Sm4GcmWithNonce(bytes(16)).open(nonce, sealed, new byte[] {1}));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> gcm.open(nonce, new byte[15], new byte[0]));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> gcm.seal(bytes(16), new byte[1], new byte[0]));
        failsWith(CryptoFailure.Reason.WRONG_KEY_TYPE, () -> new Sm4GcmWithNonce(bytes(32)));
    }

    @Test
    void randomNonceGcmOpensWhatItSealedAfterReusingItsCipher() {
        Sm4Gcm gcm = new Sm4Gcm(bytes(16), random);
        byte[] aad = {9};
        byte[][] sealed = new byte[50][];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = gcm.seal(new byte[] {(byte) i, 1, 2}, aad);
        }
        for (int i = sealed.length - 1; i >= 0; i--) {
            assertThat(gcm.open(sealed[i], aad)).containsExactly(i, 1, 2);
        }
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> gcm.open(sealed[0], new byte[] {8}));
        assertThat(gcm.open(sealed[1], aad)).as("a failed open leaves the cipher usable").containsExactly(1, 1, 2);
    }

    @Test
    void sm2CiphertextConversionsRoundTripAndRefuseGarbage() {
        var keys = Sm2.generateKeyPair(random);
        byte[] c1c3c2 = Sm2.encrypt(keys.getPublic(), bytes(20), random);
        assertThat(Sm2Ciphertext.c1c2c3ToC1c3c2(Sm2Ciphertext.c1c3c2ToC1c2c3(c1c3c2))).isEqualTo(c1c3c2);
        assertThat(Sm2Ciphertext.asn1ToC1c3c2(Sm2Ciphertext.c1c3c2ToAsn1(c1c3c2))).isEqualTo(c1c3c2);
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm2Ciphertext.c1c3c2ToC1c2c3(new byte[97]));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm2Ciphertext.c1c2c3ToC1c3c2(java.util.Arrays.copyOf(c1c3c2, 97)));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm2Ciphertext.asn1ToC1c3c2(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm2Ciphertext.asn1ToC1c3c2(c1c3c2));
        byte[] der = Sm2Ciphertext.c1c3c2ToAsn1(c1c3c2);
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm2Ciphertext.asn1ToC1c3c2(java.util.Arrays.copyOf(der, der.length + 1)));
        byte[] tampered = c1c3c2.clone();
        tampered[tampered.length - 1] ^= 1;
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> Sm2.decrypt(keys.getPrivate(), tampered));
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> Sm2.decrypt(keys.getPrivate(), java.util.Arrays.copyOf(c1c3c2, 90)));
        failsWith(CryptoFailure.Reason.MALFORMED_INPUT, () -> Sm2.encrypt(keys.getPublic(), new byte[0], random));
    }
}
