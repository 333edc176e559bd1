package org.fenghuo.crypto.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreSigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void checkpointsSignedWithTheKeystoreKeyVerifyAcrossARotation() {
        KeystorePassphrase passphrase = KeystorePassphrase.of("correct horse".toCharArray());
        Keystore keystore = Keystore.create(dir.resolve("k.bcfks"), passphrase, false);
        KeystoreSigningKeys v1 = new KeystoreSigningKeys(keystore);
        keystore.rotateSigningKey();
        keystore.save();
        KeystoreSigningKeys v2 = new KeystoreSigningKeys(Keystore.open(dir.resolve("k.bcfks"), passphrase));

        assertThat(v1.current().version()).isEqualTo(1);
        assertThat(v2.current().version()).isEqualTo(2);
        assertThat(v2.publicKey(v1.current().id(), 1)).isEqualTo(v1.current().keyPair().getPublic());
        assertThat(v2.current().fingerprint()).isNotEqualTo(v1.current().fingerprint());
        assertThatThrownBy(() -> v2.publicKey(v1.current().id(), 3))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("MISSING_KEY");
    }
}
