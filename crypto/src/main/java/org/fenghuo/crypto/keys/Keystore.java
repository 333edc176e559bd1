package org.fenghuo.crypto.keys;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm2;
import org.fenghuo.crypto.sm.Sm2Certificates;
import org.fenghuo.crypto.sm.Sm4Gcm;

/**
 * Fenghuo's local keystore: one BCFKS file, every entry protected by the keystore passphrase,
 * named {@code <purpose>:<key id>:<version>} (see {@link KeyPurpose}). Data keys are stored only
 * wrapped by a KEK ({@link WrappedDataKey}); the newest version of each purpose is current.
 * Changes stay in memory until {@link #save()}, which replaces the file atomically.
 * Not thread-safe: one administrator command at a time.
 */
public final class Keystore {

    public static final String DEFAULT_KEY_ID = "fenghuo";
    static final int BLIND_INDEX_KEY_BYTES = 32;

    /*
     * BCFKS knows no SM4 or HMAC-SM3 secret-key type (Bouncy Castle 1.87: "cannot recognize secret
     * key (SM4) for storage"), so raw key bytes go into secret entries of a type it does accept;
     * the alias says what they are and the reader checks their length.
     */
    private static final String STORAGE_TYPE = "AES";
    /*
     * BCFKS keeps a private key only with a certificate chain, so each signing key has a self-signed
     * SM3withSM2 certificate (signer ID 1234567812345678). It asserts nothing beyond "this public key
     * belongs to this entry"; verifiers trust the exported public key. Audit records must verify for as
     * long as they are kept, so the certificate is no expiry mechanism.
     */
    private static final java.time.Duration SIGNING_VALIDITY = java.time.Duration.ofDays(100L * 365);

    private final Path path;
    private final KeystorePassphrase passphrase;
    private final KeyStore store;
    private final SecureRandom random;
    private final Clock clock;

    private Keystore(Path path, KeystorePassphrase passphrase, KeyStore store, SecureRandom random, Clock clock) {
        this.path = path;
        this.passphrase = passphrase;
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /**
     * A new keystore with version 1 of each key, written to {@code path}.
     *
     * @throws java.io.UncheckedIOException when the file exists and {@code overwrite} is false, or cannot be written
     */
    public static Keystore create(Path path, KeystorePassphrase passphrase, String keyId, boolean overwrite,
            SecureRandom random, Clock clock) {
        new DataKey(keyId, 1, new byte[Sm4Gcm.KEY_BYTES]); // validates the id before anything is written
        Keystore keystore = new Keystore(path, passphrase, KeystoreFile.empty(), random, clock);
        Instant now = clock.instant();
        keystore.putSecret(EntryAlias.of(KeyPurpose.KEK, keyId, 1), randomBytes(random, Sm4Gcm.KEY_BYTES));
        keystore.putSecret(EntryAlias.of(KeyPurpose.BLIND_INDEX, keyId, 1), randomBytes(random, BLIND_INDEX_KEY_BYTES));
        keystore.putWrapped(new DataKey(keyId, 1, randomBytes(random, Sm4Gcm.KEY_BYTES)), now);
        keystore.putSigningKey(EntryAlias.of(KeyPurpose.SIGNING, keyId, 1), now);
        KeystoreFile.store(keystore.store, path, passphrase, overwrite);
        return keystore;
    }

    public static Keystore create(Path path, KeystorePassphrase passphrase, boolean overwrite) {
        return create(path, passphrase, DEFAULT_KEY_ID, overwrite, new SecureRandom(), Clock.systemUTC());
    }

    /**
     * @throws java.io.UncheckedIOException naming the path when it is missing or unreadable
     * @throws CryptoFailure WRONG_PASSPHRASE, or MALFORMED_INPUT for a file that is no BCFKS keystore
     */
    public static Keystore open(Path path, KeystorePassphrase passphrase) {
        return open(path, passphrase, new SecureRandom(), Clock.systemUTC());
    }

    public static Keystore open(Path path, KeystorePassphrase passphrase, SecureRandom random, Clock clock) {
        return new Keystore(path, passphrase, KeystoreFile.load(path, passphrase), random, clock);
    }

    public Path path() {
        return path;
    }

    /** Writes every change since opening, atomically, replacing the file. */
    public void save() {
        KeystoreFile.store(store, path, passphrase, true);
    }

    /** Adds data-key version n+1, wrapped by the current KEK; it becomes current. */
    public KeyInfo rotateDataKey() {
        EntryAlias current = current(KeyPurpose.DATA);
        DataKey key = new DataKey(current.id(), current.version() + 1, randomBytes(random, Sm4Gcm.KEY_BYTES));
        putWrapped(key, clock.instant());
        return info(EntryAlias.of(KeyPurpose.DATA, key.id(), key.version()));
    }

    /**
     * Adds KEK version n+1 and re-wraps every data key with it. Older KEKs stay, retired: nothing
     * needs them any more, but destroying key material is left to a later version (README, limits).
     */
    public KeyInfo rotateKek() {
        EntryAlias current = current(KeyPurpose.KEK);
        EntryAlias next = EntryAlias.of(KeyPurpose.KEK, current.id(), current.version() + 1);
        List<WrappedDataKey.Unwrapped> keys = dataKeys();
        putSecret(next, randomBytes(random, Sm4Gcm.KEY_BYTES));
        for (WrappedDataKey.Unwrapped k : keys) {
            putWrapped(k.key(), k.created());
        }
        return info(next);
    }

    /** Adds signing key pair version n+1; audit checkpoints signed from now on name it. */
    public KeyInfo rotateSigningKey() {
        EntryAlias current = current(KeyPurpose.SIGNING);
        EntryAlias next = EntryAlias.of(KeyPurpose.SIGNING, current.id(), current.version() + 1);
        putSigningKey(next, clock.instant());
        return info(next);
    }

    /** Every key version, by purpose then version; never material. */
    public List<KeyInfo> list() {
        List<KeyInfo> out = new ArrayList<>();
        for (EntryAlias alias : aliases()) {
            out.add(info(alias));
        }
        return out;
    }

    /** The data keys (unwrapped) and blind-index key, for sealing and opening field values. */
    public KeystoreKeyRing keyRing() {
        List<DataKey> keys = new ArrayList<>();
        for (WrappedDataKey.Unwrapped k : dataKeys()) {
            keys.add(k.key());
        }
        byte[] blind = secret(current(KeyPurpose.BLIND_INDEX));
        try {
            return new KeystoreKeyRing(keys, blind);
        } finally {
            Arrays.fill(blind, (byte) 0);
        }
    }

    /** Every signing key version, oldest first. */
    public List<SigningKey> signingKeys() {
        List<SigningKey> out = new ArrayList<>();
        for (EntryAlias alias : aliases()) {
            if (alias.purpose() == KeyPurpose.SIGNING) {
                out.add(signingKey(alias));
            }
        }
        return out;
    }

    public SigningKey currentSigningKey() {
        return signingKey(current(KeyPurpose.SIGNING));
    }

    /** @throws CryptoFailure MISSING_KEY when the keystore has no such version */
    public SigningKey signingKey(int version) {
        EntryAlias alias = EntryAlias.of(KeyPurpose.SIGNING, current(KeyPurpose.SIGNING).id(), version);
        if (!contains(alias)) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "keystore " + path + " has no signing key v" + version);
        }
        return signingKey(alias);
    }

    private SigningKey signingKey(EntryAlias alias) {
        try {
            char[] chars = passphrase.chars();
            try {
                PrivateKey key = (PrivateKey) store.getKey(alias.toString(), chars);
                X509Certificate certificate = certificate(alias);
                return new SigningKey(alias.id(), alias.version(), certificate.getNotBefore().toInstant(), key, certificate);
            } finally {
                Arrays.fill(chars, '\0');
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "keystore entry " + alias + " is not an SM2 key pair");
        }
    }

    private X509Certificate certificate(EntryAlias alias) {
        try {
            return (X509Certificate) store.getCertificate(alias.toString());
        } catch (java.security.KeyStoreException | ClassCastException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "keystore entry " + alias + " has no X.509 certificate");
        }
    }

    private List<WrappedDataKey.Unwrapped> dataKeys() {
        List<WrappedDataKey.Unwrapped> out = new ArrayList<>();
        // every entry read costs a passphrase derivation: read each KEK once, not once per data key
        java.util.Map<Integer, byte[]> keks = new java.util.HashMap<>();
        try {
            for (EntryAlias alias : aliases()) {
                if (alias.purpose() == KeyPurpose.DATA) {
                    out.add(WrappedDataKey.unwrap(rawSecret(alias), alias, v -> keks.computeIfAbsent(v, this::kek)));
                }
            }
        } finally {
            keks.values().forEach(k -> Arrays.fill(k, (byte) 0));
        }
        return out;
    }

    private byte[] kek(int version) {
        EntryAlias alias = EntryAlias.of(KeyPurpose.KEK, current(KeyPurpose.KEK).id(), version);
        return contains(alias) ? secret(alias) : null;
    }

    private KeyInfo info(EntryAlias alias) {
        KeyStatus status = current(alias.purpose()).equals(alias) ? KeyStatus.CURRENT : KeyStatus.RETIRED;
        if (alias.purpose() == KeyPurpose.DATA) {
            byte[] wrapped = rawSecret(alias);
            int kekVersion = WrappedDataKey.kekVersion(wrapped, alias);
            return new KeyInfo(alias.purpose(), alias.id(), alias.version(), WrappedDataKey.created(wrapped), status,
                    kekVersion);
        }
        // a signing key's date is its certificate's, readable without deriving the entry key
        Instant created = alias.purpose() == KeyPurpose.SIGNING ? certificate(alias).getNotBefore().toInstant()
                : creationDate(alias);
        return new KeyInfo(alias.purpose(), alias.id(), alias.version(), created, status, 0);
    }

    private Instant creationDate(EntryAlias alias) {
        try {
            java.util.Date date = store.getCreationDate(alias.toString());
            return date == null ? null : date.toInstant();
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("keystore not loaded", e);
        }
    }

    /** Fenghuo entries, by purpose then version. */
    private List<EntryAlias> aliases() {
        try {
            List<EntryAlias> out = new ArrayList<>();
            for (String name : Collections.list(store.aliases())) {
                EntryAlias alias = EntryAlias.parse(name);
                if (alias != null) {
                    out.add(alias);
                }
            }
            out.sort(Comparator.comparing(EntryAlias::purpose).thenComparingInt(EntryAlias::version));
            return out;
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("keystore not loaded", e);
        }
    }

    private EntryAlias current(KeyPurpose purpose) {
        EntryAlias newest = null;
        for (EntryAlias alias : aliases()) {
            if (alias.purpose() == purpose) {
                newest = alias;
            }
        }
        if (newest == null) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "keystore " + path + " has no " + purpose.label() + " key");
        }
        return newest;
    }

    private boolean contains(EntryAlias alias) {
        try {
            return store.containsAlias(alias.toString());
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("keystore not loaded", e);
        }
    }

    private void putWrapped(DataKey key, Instant created) {
        EntryAlias kek = current(KeyPurpose.KEK);
        byte[] kekBytes = secret(kek);
        try {
            putSecret(EntryAlias.of(KeyPurpose.DATA, key.id(), key.version()),
                    WrappedDataKey.wrap(key, created, kek.version(), kekBytes, random));
        } finally {
            Arrays.fill(kekBytes, (byte) 0);
        }
    }

    private void putSigningKey(EntryAlias alias, Instant created) {
        KeyPair pair = Sm2.generateKeyPair(random);
        X509Certificate certificate = Sm2Certificates.selfSigned(pair, new Sm2Certificates.Profile(
                "CN=Fenghuo audit signing " + alias.id() + " v" + alias.version(), created, SIGNING_VALIDITY, false), random);
        char[] chars = passphrase.chars();
        try {
            store.setKeyEntry(alias.toString(), pair.getPrivate(), chars, new Certificate[] {certificate});
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("cannot store signing key " + alias + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private void putSecret(EntryAlias alias, byte[] bytes) {
        char[] chars = passphrase.chars();
        try {
            store.setEntry(alias.toString(), new KeyStore.SecretKeyEntry(new SecretKeySpec(bytes, STORAGE_TYPE)),
                    new KeyStore.PasswordProtection(chars));
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException("cannot store " + alias + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A KEK or blind-index key, length-checked. */
    private byte[] secret(EntryAlias alias) {
        byte[] bytes = rawSecret(alias);
        int expected = alias.purpose() == KeyPurpose.BLIND_INDEX ? BLIND_INDEX_KEY_BYTES : Sm4Gcm.KEY_BYTES;
        if (bytes.length != expected) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "keystore entry " + alias + " holds "
                    + bytes.length + " bytes, not the " + expected + " of a " + alias.purpose().algorithm() + " key");
        }
        return bytes;
    }

    private byte[] rawSecret(EntryAlias alias) {
        char[] chars = passphrase.chars();
        try {
            java.security.Key key = store.getKey(alias.toString(), chars);
            if (key == null) {
                throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "keystore " + path + " has no entry " + alias);
            }
            return key.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_PASSPHRASE,
                    "keystore entry " + alias + " does not open with the keystore passphrase");
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] randomBytes(SecureRandom random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
