package org.fenghuo.crypto.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The passphrase of a keystore. It comes from the environment or a file, never from a command-line
 * argument (visible in {@code ps} and shell history). Where it comes from, first match wins:
 * an explicit file (the CLI's {@code --passphrase-file}), then the file named by
 * {@value #FILE_ENV}, then the value of {@value #VALUE_ENV}.
 */
public final class KeystorePassphrase {

    public static final String VALUE_ENV = "FENGHUO_KEYSTORE_PASSPHRASE";
    public static final String FILE_ENV = "FENGHUO_KEYSTORE_PASSPHRASE_FILE";

    private final char[] chars;

    private KeystorePassphrase(char[] chars) {
        if (chars.length == 0) {
            throw new IllegalArgumentException("the keystore passphrase is empty");
        }
        this.chars = chars;
    }

    /** For tests and callers that already hold the passphrase; the array is copied. */
    public static KeystorePassphrase of(char[] chars) {
        return new KeystorePassphrase(chars.clone());
    }

    /**
     * @param file an explicit passphrase file, or null
     * @throws IllegalArgumentException when no source is set or the passphrase is empty
     * @throws UncheckedIOException when the passphrase file cannot be read (the message names it)
     */
    public static KeystorePassphrase resolve(Map<String, String> environment, Path file) {
        if (file != null) {
            return fromFile(file);
        }
        String envFile = environment.get(FILE_ENV);
        if (envFile != null && !envFile.isBlank()) {
            return fromFile(Path.of(envFile));
        }
        String value = environment.get(VALUE_ENV);
        if (value != null && !value.isEmpty()) {
            return new KeystorePassphrase(value.toCharArray());
        }
        throw new IllegalArgumentException("no keystore passphrase: set " + VALUE_ENV + " or " + FILE_ENV
                + ", or give --passphrase-file FILE (never on the command line itself)");
    }

    /** The file's content without its trailing line break (editors add one). */
    static KeystorePassphrase fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("passphrase file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read passphrase file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        java.nio.CharBuffer decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, 0, end));
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(decoded.array(), '\0');
        return new KeystorePassphrase(chars);
    }

    char[] chars() {
        return chars.clone();
    }

    /** Never prints the passphrase. */
    @Override
    public String toString() {
        return "KeystorePassphrase[***]";
    }
}
