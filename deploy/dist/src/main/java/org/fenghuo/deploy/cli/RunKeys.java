package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.fenghuo.correlation.pii.PiiSettings;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystoreKeyRing;
import org.fenghuo.crypto.keys.KeystorePassphrase;

/**
 * Where {@code fenghuo run} gets the keys that protect personal data, first match wins:
 * <ol>
 * <li>the keystore {@code fenghuo keys} uses ({@code $FENGHUO_KEYSTORE}, else {@code conf/keystore.bcfks})
 *     when it exists, with the passphrase from the environment as for {@code fenghuo keys};</li>
 * <li>with {@code --data-dir}: {@code <data-dir>/keys/keystore.bcfks}, created on the first run with a
 *     random passphrase in {@code keystore.pass} next to it (0600) and reused afterwards, so the
 *     data kept across runs stays readable. A passphrase beside its keystore protects nothing
 *     against whoever reads the directory: demo only;</li>
 * <li>otherwise in-memory keys: the run's data is temporary and deleted on exit anyway.</li>
 * </ol>
 */
final class RunKeys {
    static final String DIR = "keys";
    static final String KEYSTORE = "keystore.bcfks";
    static final String PASSPHRASE = "keystore.pass";

    /** The settings for the job and one line for the banner. */
    record Choice(PiiSettings settings, String description) {
    }

    private RunKeys() {
    }

    static Choice choose(boolean enabled, String policy, Path dataDir, Map<String, String> environment) {
        if (!enabled) {
            return new Choice(PiiSettings.disabled(), "OFF (--no-pii-protection): personal data is stored in clear");
        }
        KeysCommand keys = new KeysCommand();
        keys.environment = environment;
        Path configured = keys.keystore(null);
        if (Files.isRegularFile(configured)) {
            if (blank(environment.get(KeystorePassphrase.FILE_ENV)) && blank(environment.get(KeystorePassphrase.VALUE_ENV))) {
                throw new IllegalStateException("keystore " + configured + " exists but there is no passphrase for it: set "
                        + KeystorePassphrase.VALUE_ENV + " or " + KeystorePassphrase.FILE_ENV
                        + " (or move the keystore away to run with demo keys)");
            }
            // opened once here so a wrong passphrase stops `run` with its message instead of a job
            // that keeps restarting on the task manager
            KeystoreKeyRing.open(configured, KeystorePassphrase.resolve(environment, null));
            return new Choice(PiiSettings.keystore(configured, null).withPolicy(policy), "keystore " + configured);
        }
        if (dataDir != null) {
            Path dir = dataDir.resolve(DIR);
            Path keystore = dir.resolve(KEYSTORE);
            Path passphrase = dir.resolve(PASSPHRASE);
            if (!Files.isRegularFile(keystore)) {
                createDemoKeystore(keystore, passphrase);
            }
            return new Choice(PiiSettings.keystore(keystore, passphrase).withPolicy(policy),
                    "demo keystore " + keystore + " (passphrase in " + passphrase + ": demo only)");
        }
        return new Choice(PiiSettings.ephemeral().withPolicy(policy),
                "ephemeral keys: sealed values cannot be opened after this run (its data is temporary too)");
    }

    private static void createDemoKeystore(Path keystore, Path passphraseFile) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(keystore.getParent());
            Files.deleteIfExists(passphraseFile); // a passphrase left without its keystore opens nothing
            if (Files.getFileStore(keystore.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(passphraseFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(passphraseFile);
            }
            Files.writeString(passphraseFile, passphrase, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo keystore passphrase " + passphraseFile, e);
        }
        Keystore.create(keystore, KeystorePassphrase.of(passphrase.toCharArray()), false);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
