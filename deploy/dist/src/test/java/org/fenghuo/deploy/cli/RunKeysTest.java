package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.fenghuo.correlation.pii.PiiSettings;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystoreKeyRing;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunKeysTest {
    @TempDir
    Path dir;

    /** An environment whose configured keystore does not exist, so the developer's own never leaks in. */
    private Map<String, String> noKeystore() {
        return Map.of(KeysCommand.KEYSTORE_ENV, dir.resolve("absent.bcfks").toString());
    }

    @Test
    void withoutDataDirOrKeystoreTheKeysAreEphemeral() {
        RunKeys.Choice choice = RunKeys.choose(true, "default", null, noKeystore());
        assertThat(choice.settings().enabled()).isTrue();
        assertThat(choice.settings().isEphemeral()).isTrue();
        assertThat(choice.description()).startsWith("ephemeral keys");
    }

    @Test
    void aDataDirGetsADemoKeystoreOnceWithAPrivatePassphraseFile() throws Exception {
        Path data = dir.resolve("data");
        RunKeys.Choice first = RunKeys.choose(true, "default", data, noKeystore());

        Path keystore = data.resolve("keys/keystore.bcfks");
        Path passphrase = data.resolve("keys/keystore.pass");
        assertThat(first.settings()).isEqualTo(PiiSettings.keystore(keystore, passphrase));
        assertThat(first.description()).contains(keystore.toString()).contains("demo only");
        assertThat(first.settings().problems(Map.of())).isEmpty();
        if (Files.getFileStore(passphrase).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(passphrase)).hasSize(43); // 32 random bytes, base64url
        KeystoreKeyRing ring = KeystoreKeyRing.open(keystore, KeystorePassphrase.resolve(Map.of(), passphrase));
        assertThat(ring.currentDataKey().version()).isEqualTo(1);

        byte[] keystoreBytes = Files.readAllBytes(keystore);
        String secret = Files.readString(passphrase);
        RunKeys.Choice second = RunKeys.choose(true, "default", data, noKeystore());
        assertThat(second.settings()).isEqualTo(first.settings());
        assertThat(Files.readAllBytes(keystore)).as("the next run reuses the keystore").isEqualTo(keystoreBytes);
        assertThat(Files.readString(passphrase)).isEqualTo(secret);
    }

    @Test
    void theConfiguredKeystoreWinsAndNeedsItsPassphrase() {
        Path keystore = dir.resolve("conf.bcfks");
        Keystore.create(keystore, KeystorePassphrase.of("s3cret-pass".toCharArray()), false);
        Map<String, String> withoutPassphrase = Map.of(KeysCommand.KEYSTORE_ENV, keystore.toString());
        assertThatThrownBy(() -> RunKeys.choose(true, "default", dir.resolve("data"), withoutPassphrase))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(keystore.toString())
                .hasMessageContaining(KeystorePassphrase.VALUE_ENV);

        assertThatThrownBy(() -> RunKeys.choose(true, "default", dir.resolve("data"),
                Map.of(KeysCommand.KEYSTORE_ENV, keystore.toString(), KeystorePassphrase.VALUE_ENV, "wrong-pass")))
                .isInstanceOf(CryptoFailure.class).hasMessageContaining("wrong passphrase").hasMessageNotContaining("wrong-pass");

        RunKeys.Choice choice = RunKeys.choose(true, "default", dir.resolve("data"),
                Map.of(KeysCommand.KEYSTORE_ENV, keystore.toString(), KeystorePassphrase.VALUE_ENV, "s3cret-pass"));
        assertThat(choice.settings()).isEqualTo(PiiSettings.keystore(keystore, null));
        assertThat(choice.description()).isEqualTo("keystore " + keystore);
        assertThat(dir.resolve("data")).as("no demo keystore made").doesNotExist();
    }

    @Test
    void protectionCanBeSwitchedOff() {
        RunKeys.Choice choice = RunKeys.choose(false, "default", null, noKeystore());
        assertThat(choice.settings().enabled()).isFalse();
        assertThat(choice.description()).contains("clear");
    }
}
