package org.fenghuo.crypto.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The passphrase of a keystore. It comes from the environment or a file, never from a command-line
 * argument (visible in {@code ps} and shell history). Where it comes from, first match wins:
 * an explicit file (the CLI's {@code --passphrase-file}), then the file named by
 * {@value #FILE_ENV}, then the value of {@value #VALUE_ENV}. A file must be UTF-8; one trailing
 * LF or CRLF is dropped; a file readable by group or others gives a {@linkplain #warnings() warning}.
 */
public final class KeystorePassphrase {

    public static final String VALUE_ENV = "FENGHUO_KEYSTORE_PASSPHRASE";
    public static final String FILE_ENV = "FENGHUO_KEYSTORE_PASSPHRASE_FILE";

    private final char[] chars;
    private final List<String> warnings;

    private KeystorePassphrase(char[] chars, List<String> warnings) {
        if (chars.length == 0) {
            throw new IllegalArgumentException("the keystore passphrase is empty");
        }
        this.chars = chars;
        this.warnings = List.copyOf(warnings);
    }

    /** For tests and callers that already hold the passphrase; the array is copied. */
    public static KeystorePassphrase of(char[] chars) {
        return new KeystorePassphrase(chars.clone(), List.of());
    }

    /**
     * @param file an explicit passphrase file, or null
     * @throws IllegalArgumentException when no source is set, the passphrase is empty or its file is not UTF-8
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
            return new KeystorePassphrase(value.toCharArray(), List.of());
        }
        throw new IllegalArgumentException("no keystore passphrase: set " + VALUE_ENV + " or " + FILE_ENV
                + ", or give --passphrase-file FILE (never on the command line itself)");
    }

    /**
     * The file's content as strict UTF-8, without one trailing line break (LF or CRLF: editors add
     * one). Bytes that are not UTF-8 (a GBK or Latin-1 file) are refused rather than replaced by
     * U+FFFD, which would make different passphrases equal.
     */
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
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
        }
        CharBuffer decoded = null;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            return new KeystorePassphrase(chars, permissionWarnings(file));
        } catch (CharacterCodingException e) {
            // never the offending bytes: they are part of the passphrase
            throw new IllegalArgumentException("passphrase file " + file + " is not valid UTF-8; save it as UTF-8 "
                    + "(other encodings are refused so that one passphrase never reads as another)");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (decoded != null && decoded.hasArray()) {
                Arrays.fill(decoded.array(), '\0');
            }
        }
    }

    /** A file others can read is a passphrase others may know; say so, but still use it. */
    private static List<String> permissionWarnings(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
                return List.of();
            }
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return List.of();
        }
        if (!permissions.contains(PosixFilePermission.GROUP_READ) && !permissions.contains(PosixFilePermission.OTHERS_READ)) {
            return List.of();
        }
        String who = permissions.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group";
        String warning = "passphrase file " + file + " is readable by " + who + " (mode "
                + PosixFilePermissions.toString(permissions) + "); restrict it with chmod 600";
        return List.of(warning);
    }

    /**
     * What the caller should tell the operator about where the passphrase came from (e.g. a
     * passphrase file readable by other users); empty when nothing is wrong. Never the passphrase.
     * Nothing is logged here: the CLI prints these to stderr, a service should log them.
     */
    public List<String> warnings() {
        return warnings;
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
