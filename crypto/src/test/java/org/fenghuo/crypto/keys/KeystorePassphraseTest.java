package org.fenghuo.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystorePassphraseTest {

    @TempDir
    Path dir;

    @Test
    void anExplicitFileWinsThenTheFileVariableThenTheValueVariable() throws Exception {
        Path explicit = Files.writeString(dir.resolve("a"), "from-option\n");
        Path viaEnv = Files.writeString(dir.resolve("b"), "from-env-file\r\n");
        Map<String, String> env = Map.of(KeystorePassphrase.FILE_ENV, viaEnv.toString(),
                KeystorePassphrase.VALUE_ENV, "from-env-value");
        assertThat(KeystorePassphrase.resolve(env, explicit).chars()).isEqualTo("from-option".toCharArray());
        assertThat(KeystorePassphrase.resolve(env, null).chars()).isEqualTo("from-env-file".toCharArray());
        assertThat(KeystorePassphrase.resolve(Map.of(KeystorePassphrase.VALUE_ENV, "v 1"), null).chars())
                .isEqualTo("v 1".toCharArray());
    }

    @Test
    void noSourceEmptyOrUnreadableFileAreClearErrors() throws Exception {
        assertThatThrownBy(() -> KeystorePassphrase.resolve(Map.of(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KeystorePassphrase.VALUE_ENV).hasMessageContaining(KeystorePassphrase.FILE_ENV);
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> KeystorePassphrase.resolve(Map.of(), empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> KeystorePassphrase.resolve(Map.of(KeystorePassphrase.FILE_ENV, missing.toString()), null))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void toStringNeverShowsThePassphrase() {
        assertThat(KeystorePassphrase.of("s3cret".toCharArray()).toString()).doesNotContain("s3cret");
    }
}
