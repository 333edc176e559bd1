package org.fenghuo.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.sm.Sm2;
import org.fenghuo.crypto.sm.Sm2Certificates;
import org.fenghuo.crypto.sm.Sm2Pem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {

    private static final KeystorePassphrase PASSPHRASE = KeystorePassphrase.of("correct horse battery".toCharArray());
    private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");

    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dir;

    private Keystore create(Path path) {
        return Keystore.create(path, PASSPHRASE, "pii", false, random, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void newKeystoreHoldsVersionOneOfEachPurposeInAnOwnerOnlyFile() throws Exception {
        Path path = dir.resolve("keystore.bcfks");
        create(path);

        List<KeyInfo> keys = Keystore.open(path, PASSPHRASE).list();
        assertThat(keys).extracting(KeyInfo::purpose)
                .containsExactly(KeyPurpose.KEK, KeyPurpose.DATA, KeyPurpose.BLIND_INDEX, KeyPurpose.SIGNING);
        assertThat(keys).allSatisfy(k -> {
            assertThat(k.id()).isEqualTo("pii");
            assertThat(k.version()).isEqualTo(1);
            assertThat(k.status()).isEqualTo(KeyStatus.CURRENT);
        });
        assertThat(keys.get(1).created()).isEqualTo(T0);
        assertThat(keys.get(1).wrappedBy()).isEqualTo(1);
        assertThat(keys.get(3).created()).isEqualTo(T0);
        if (KeystoreFile.posix(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(path); // no temporary file left behind
        }
    }

    @Test
    void dataKeyMaterialNeverAppearsInTheFile() throws Exception {
        Path path = dir.resolve("k.bcfks");
        DataKey key = create(path).keyRing().currentDataKey();
        byte[] file = Files.readAllBytes(path);
        assertThat(indexOf(file, key.material())).isEqualTo(-1);
    }

    @Test
    void dataKeyRotationKeepsOldValuesOpenAndSealsNewOnesWithTheNewVersion() {
        Path path = dir.resolve("k.bcfks");
        create(path);
        KeystoreKeyRing before = KeystoreKeyRing.open(path, PASSPHRASE);
        String old = new FieldEnvelope(before, random).seal("110105199001011234", "user.id|ev-1");

        Keystore keystore = Keystore.open(path, PASSPHRASE);
        KeyInfo rotated = keystore.rotateDataKey();
        keystore.save();

        KeystoreKeyRing after = KeystoreKeyRing.open(path, PASSPHRASE);
        FieldEnvelope envelope = new FieldEnvelope(after, random);
        String fresh = envelope.seal("110105199001011234", "user.id|ev-1");
        assertThat(rotated.version()).isEqualTo(2);
        assertThat(FieldEnvelope.header(old).keyVersion()).isEqualTo(1);
        assertThat(FieldEnvelope.header(fresh).keyVersion()).isEqualTo(2);
        assertThat(envelope.open(old, "user.id|ev-1")).isEqualTo("110105199001011234");
        assertThat(envelope.open(fresh, "user.id|ev-1")).isEqualTo("110105199001011234");
        assertThat(after.blindIndexKey()).isEqualTo(before.blindIndexKey());
        assertThat(Keystore.open(path, PASSPHRASE).list()).filteredOn(k -> k.purpose() == KeyPurpose.DATA)
                .extracting(KeyInfo::version, KeyInfo::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, KeyStatus.RETIRED),
                        org.assertj.core.groups.Tuple.tuple(2, KeyStatus.CURRENT));
    }

    @Test
    void kekRotationRewrapsEveryDataKeyWithoutChangingThem() {
        Path path = dir.resolve("k.bcfks");
        Keystore keystore = create(path);
        keystore.rotateDataKey();
        keystore.save();
        KeystoreKeyRing before = KeystoreKeyRing.open(path, PASSPHRASE);
        String sealed = new FieldEnvelope(before, random).seal("13800138000", "user.phone|ev-2");

        keystore = Keystore.open(path, PASSPHRASE);
        assertThat(keystore.rotateKek().version()).isEqualTo(2);
        keystore.save();

        Keystore reopened = Keystore.open(path, PASSPHRASE);
        assertThat(reopened.list()).filteredOn(k -> k.purpose() == KeyPurpose.DATA)
                .extracting(KeyInfo::wrappedBy).containsExactly(2, 2);
        assertThat(reopened.list()).filteredOn(k -> k.purpose() == KeyPurpose.DATA)
                .extracting(KeyInfo::created).containsOnly(T0); // the re-wrap keeps each key's date
        KeystoreKeyRing after = reopened.keyRing();
        assertThat(after.currentDataKey().material()).isEqualTo(before.currentDataKey().material());
        assertThat(new FieldEnvelope(after, random).open(sealed, "user.phone|ev-2")).isEqualTo("13800138000");
        assertThat(after.blindIndexKey()).isEqualTo(before.blindIndexKey());
    }

    @Test
    void signingRotationKeepsOldPublicKeysForVerification() {
        Path path = dir.resolve("k.bcfks");
        Keystore keystore = create(path);
        SigningKey first = keystore.currentSigningKey();
        byte[] message = "checkpoint 1".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(first.privateKey(), message, random);
        keystore.rotateSigningKey();
        keystore.save();

        Keystore reopened = Keystore.open(path, PASSPHRASE);
        assertThat(reopened.currentSigningKey().version()).isEqualTo(2);
        assertThat(reopened.signingKeys()).extracting(SigningKey::version).containsExactly(1, 2);
        assertThat(Sm2.verify(reopened.signingKey(1).publicKey(), message, signature)).isTrue();
        assertThat(Sm2.verify(reopened.signingKey(2).publicKey(), message, signature)).isFalse();
        assertThat(reopened.signingKey(1).certificate().getSigAlgName()).containsIgnoringCase("SM3");
        assertThat(reopened.currentSigningKey().toString()).doesNotContain("BEGIN").isEqualTo("SigningKey[pii v2]");
    }

    @Test
    void signingCertificatesAreSm2CertificatesWithTheStandardSignerIdNotOpensslsEmptyOne() {
        Keystore keystore = create(dir.resolve("k.bcfks"));
        SigningKey key = keystore.currentSigningKey();
        X509Certificate certificate = Sm2Certificates.readPem(Sm2Certificates.toPem(key.certificate()));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Fenghuo audit signing pii v1");
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(T0);
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        Sm2Certificates.verify(certificate, key.publicKey()); // signer ID 1234567812345678
        assertThatThrownBy(() -> Sm2Certificates.verify(certificate, key.publicKey(), new byte[0]))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
        assertThat(Sm2Pem.readPublicKey(Sm2Pem.writePublicKey(key.publicKey())).getEncoded())
                .isEqualTo(key.publicKey().getEncoded());
    }

    @Test
    void wrongPassphraseIsReportedAsSuchWithThePathAndWithoutThePassphrase() {
        Path path = dir.resolve("k.bcfks");
        create(path);
        assertThatThrownBy(() -> Keystore.open(path, KeystorePassphrase.of("guess-123".toCharArray())))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.WRONG_PASSPHRASE))
                .hasMessageContaining("wrong passphrase").hasMessageContaining(path.toString())
                .hasMessageNotContaining("guess-123");
    }

    @Test
    void missingUnreadableOrForeignFilesAreNamed() throws Exception {
        Path missing = dir.resolve("nope.bcfks");
        assertThatThrownBy(() -> Keystore.open(missing, PASSPHRASE)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        assertThatThrownBy(() -> Keystore.open(directory, PASSPHRASE)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read keystore " + directory);
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a keystore");
        assertThatThrownBy(() -> Keystore.open(text, PASSPHRASE))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_INPUT))
                .hasMessageContaining(text.toString());
    }

    @Test
    void aModifiedKeystoreNeverOpens() throws Exception {
        Path path = dir.resolve("k.bcfks");
        create(path);
        byte[] bytes = Files.readAllBytes(path);
        bytes[bytes.length - 40] ^= 0x01;
        Files.write(path, bytes);
        assertThatThrownBy(() -> Keystore.open(path, PASSPHRASE)).isInstanceOfSatisfying(CryptoFailure.class,
                e -> assertThat(e.reason()).isIn(CryptoFailure.Reason.WRONG_PASSPHRASE, CryptoFailure.Reason.MALFORMED_INPUT));
    }

    @Test
    void missingVersionsAreMissingKeys() {
        Path path = dir.resolve("k.bcfks");
        Keystore keystore = create(path);
        assertThatThrownBy(() -> keystore.keyRing().dataKey("pii", 9)).isInstanceOfSatisfying(CryptoFailure.class,
                e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MISSING_KEY)).hasMessageContaining("pii v9");
        assertThatThrownBy(() -> keystore.keyRing().dataKey("other", 1)).isInstanceOfSatisfying(CryptoFailure.class,
                e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MISSING_KEY));
        assertThatThrownBy(() -> keystore.signingKey(3)).isInstanceOfSatisfying(CryptoFailure.class,
                e -> assertThat(e.reason()).isEqualTo(CryptoFailure.Reason.MISSING_KEY)).hasMessageContaining("signing key v3");
    }

    @Test
    void createRefusesToReplaceAnExistingKeystoreUnlessAsked() {
        Path path = dir.resolve("k.bcfks");
        DataKey first = create(path).keyRing().currentDataKey();
        assertThatThrownBy(() -> create(path)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(path + " already exists");
        assertThat(KeystoreKeyRing.open(path, PASSPHRASE).currentDataKey().material()).isEqualTo(first.material());

        Keystore.create(path, PASSPHRASE, "pii", true, random, Clock.systemUTC());
        assertThat(KeystoreKeyRing.open(path, PASSPHRASE).currentDataKey().material()).isNotEqualTo(first.material());
    }

    @Test
    void aKeyIdThatCannotAppearInACiphertextHeaderIsRefusedBeforeWriting() {
        Path path = dir.resolve("k.bcfks");
        assertThatThrownBy(() -> Keystore.create(path, PASSPHRASE, "bad:id", false, random, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key id");
        assertThat(path).doesNotExist();
    }

    @Test
    void posixPermissionsHoldAfterARewrite() throws Exception {
        Assumptions.assumeTrue(KeystoreFile.posix(dir), "file system without POSIX permissions");
        Path path = dir.resolve("k.bcfks");
        Keystore keystore = create(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        keystore.rotateDataKey();
        keystore.save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
