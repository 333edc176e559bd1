package org.fenghuo.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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
    void exactlyOneTrailingLfOrCrlfIsDropped() throws Exception {
        assertThat(fromFile("pass\n\n")).isEqualTo("pass\n".toCharArray());
        assertThat(fromFile("pass\r\n")).isEqualTo("pass".toCharArray());
        assertThat(fromFile("pass\r\n\r\n")).isEqualTo("pass\r\n".toCharArray());
        assertThat(fromFile("pass\r")).isEqualTo("pass\r".toCharArray());
        assertThat(fromFile("pass")).isEqualTo("pass".toCharArray());
        assertThat(fromFile("口令 ok\n")).isEqualTo("口令 ok".toCharArray());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedNamingTheFileNotItsContent() throws Exception {
        // "口令字" and "口令子" in GBK: with lenient decoding both collapsed to the same string of U+FFFD
        byte[] first = "口令字".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] second = "口令子".getBytes(java.nio.charset.Charset.forName("GBK"));
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(new String(second, StandardCharsets.UTF_8));
        for (byte[] gbk : new byte[][] {first, second}) {
            Path file = Files.write(dir.resolve("gbk"), gbk);
            assertThatThrownBy(() -> KeystorePassphrase.resolve(Map.of(), file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("passphrase file " + file + " is not valid UTF-8")
                    .hasMessageNotContaining("口").hasMessageNotContaining("\uFFFD");
        }
        Path truncated = Files.write(dir.resolve("cut"), new byte[] {'a', (byte) 0xE5, (byte) 0x8F});
        assertThatThrownBy(() -> KeystorePassphrase.resolve(Map.of(), truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aFileOthersCanReadGivesAWarningAnOwnerOnlyFileNone() throws Exception {
        Path file = Files.writeString(dir.resolve("p"), "secret-passphrase\n");
        Assumptions.assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null,
                "file system without POSIX permissions");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(KeystorePassphrase.resolve(Map.of(), file).warnings()).isEmpty();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(KeystorePassphrase.resolve(Map.of(), file).warnings()).singleElement().asString()
                .contains(file.toString()).contains("readable by its group").contains("rw-r-----")
                .contains("chmod 600").doesNotContain("secret-passphrase");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeystorePassphrase worldReadable = KeystorePassphrase.resolve(Map.of(), file);
        assertThat(worldReadable.warnings()).singleElement().asString().contains("readable by every user");
        assertThat(worldReadable.chars()).isEqualTo("secret-passphrase".toCharArray()); // still used
        assertThat(KeystorePassphrase.resolve(Map.of(KeystorePassphrase.VALUE_ENV, "v"), null).warnings()).isEmpty();
    }

    private char[] fromFile(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("p"), content);
        return KeystorePassphrase.resolve(Map.of(), file).chars();
    }

    @Test
    void toStringNeverShowsThePassphrase() {
        assertThat(KeystorePassphrase.of("s3cret".toCharArray()).toString()).doesNotContain("s3cret");
    }
}
