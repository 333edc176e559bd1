package org.fenghuo.crypto.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import org.bouncycastle.asn1.bc.ObjectStore;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.fenghuo.crypto.CryptoFailure;

/**
 * Reads and writes a BCFKS keystore file. A write goes to a temporary file beside the keystore
 * (mode 0600 where the file system is POSIX), is forced to disk, then renamed over the old one (a
 * new keystore is hard-linked into place instead, which fails if the name is taken), and the
 * directory is forced too, so a crash leaves either the old or the new keystore, never half of
 * one, and a completed save survives a power cut.
 */
final class KeystoreFile {

    static final String TYPE = "BCFKS";
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private KeystoreFile() {
    }

    static KeyStore empty() {
        try {
            KeyStore store = KeyStore.getInstance(TYPE, PROVIDER);
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Bouncy Castle has no " + TYPE + " keystore", e);
        }
    }

    /**
     * @throws UncheckedIOException naming the path when it is missing or unreadable
     * @throws CryptoFailure WRONG_PASSPHRASE when the integrity check fails, MALFORMED_INPUT when it is no BCFKS file
     */
    static KeyStore load(Path path, KeystorePassphrase passphrase) {
        byte[] bytes = read(path);
        try {
            // Parse the structure first: a file that is not BCFKS at all must not read as "wrong passphrase".
            ObjectStore.getInstance(bytes);
        } catch (RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "keystore " + path + " is not a " + TYPE + " keystore");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(TYPE, PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle has no " + TYPE + " keystore", e);
        }
        char[] chars = passphrase.chars();
        try {
            store.load(new ByteArrayInputStream(bytes), chars);
            return store;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // BCFKS checks its MAC, keyed by the passphrase, before anything else: a mismatch is the
            // wrong passphrase or a modified file, and the two cannot be told apart.
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_PASSPHRASE,
                    "wrong passphrase for keystore " + path + " (or the file was modified)");
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    static void store(KeyStore store, Path path, KeystorePassphrase passphrase, boolean replace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        char[] chars = passphrase.chars();
        try {
            store.store(out, chars);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode keystore " + path + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
        writeAtomically(path, out.toByteArray(), replace);
    }

    static boolean posix(Path dir) {
        return Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("keystore " + path + " does not exist (create it with `fenghuo keys init`)", e);
        } catch (AccessDeniedException e) {
            throw new UncheckedIOException("cannot read keystore " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keystore " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Package-private for the race test; the keystore always comes through {@link #store}. */
    static void writeAtomically(Path path, byte[] bytes, boolean replace) {
        Path absolute = path.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = posix(dir)
                    ? Files.createTempFile(dir, ".keystore-", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".keystore-", ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (replace) {
                replace(tmp, absolute);
            } else {
                publishNew(tmp, absolute);
            }
            syncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("keystore " + path + " already exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keystore " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the keystore is published (or the error is already on its way); a stray temp file is harmless
                }
            }
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Publishes a new keystore only if the name is free, atomically: link(2) fails with EEXIST when
     * anything (even a dangling symlink) holds the name, so of two concurrent {@code keys init}
     * exactly one wins. An "exists?" check followed by a rename would let both win (rename(2), and
     * so Java's ATOMIC_MOVE, silently replaces). Where hard links are not supported, a move without
     * REPLACE_EXISTING still refuses an existing file, but only by checking first.
     */
    private static void publishNew(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.move(tmp, target);
        }
    }

    /** Makes the rename itself durable; some file systems refuse to open or sync a directory, which is then all they offer. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // e.g. Windows cannot open a directory as a channel: the rename is as durable as the platform makes it
        }
    }
}
