package org.fenghuo.correlation.pii;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.keys.KeystoreKeyRing;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an operator gets its key ring, in {@code open()} on the task manager. Only locations travel
 * in the job graph; the passphrase is read where the keystore is opened. Key rings are shared by
 * every subtask of a JVM: the blind-index terms must agree across subtasks, and opening a keystore
 * costs a passphrase derivation per entry (~0.75 s).
 */
public interface KeyRingSource extends Serializable {

    KeyRing open();

    /**
     * Keys held in memory only, one ring per id and JVM. A job spread over several task managers
     * would get one ring per JVM, so this is for a single process (tests, the demo).
     */
    record Ephemeral(String id) implements KeyRingSource {
        private static final Logger LOG = LoggerFactory.getLogger(Ephemeral.class);
        private static final Map<String, KeyRing> RINGS = new ConcurrentHashMap<>();

        @Override
        public KeyRing open() {
            return RINGS.computeIfAbsent(id, k -> {
                LOG.warn("PERSONAL-DATA PROTECTION USES EPHEMERAL KEYS: values sealed now become UNREADABLE for good "
                        + "when this process stops, and blind-index terms stop matching new events. For tests and the "
                        + "demo only; give the job a keystore (fenghuo keys init) for data you want to keep.");
                return new InMemoryKeyRing("ephemeral", new SecureRandom());
            });
        }
    }

    /**
     * The key ring of a BCFKS keystore; reopened when the file changes (a rotation), so a restarted
     * job picks up the new current data key.
     */
    record FromKeystore(String path, String passphraseFile) implements KeyRingSource {
        private static final Map<String, Opened> RINGS = new ConcurrentHashMap<>();

        private record Opened(long modified, long size, KeyRing ring) {
        }

        @Override
        public KeyRing open() {
            Path file = Path.of(path);
            long modified;
            long size;
            try {
                modified = Files.getLastModifiedTime(file).toMillis();
                size = Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException("keystore " + path + " cannot be read", e);
            }
            return RINGS.compute(path + '|' + passphraseFile, (k, known) -> {
                if (known != null && known.modified == modified && known.size == size) {
                    return known;
                }
                KeystorePassphrase passphrase = KeystorePassphrase.resolve(System.getenv(),
                        passphraseFile == null ? null : Path.of(passphraseFile));
                return new Opened(modified, size, KeystoreKeyRing.open(file, passphrase));
            }).ring;
        }
    }
}
