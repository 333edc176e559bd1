package org.fenghuo.crypto.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditPublicKeyPemTest {

    @TempDir
    Path dir;

    static String pem(Object key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key);
        }
        return out.toString();
    }

    private static CryptoFailure.Reason reasonOf(Throwable e) {
        return ((CryptoFailure) e).reason();
    }

    @Test
    void readsAnSm2PublicKeyWithTheSameFingerprint() throws IOException {
        KeyPair pair = Sm2.generateKeyPair(new SecureRandom());
        Path file = dir.resolve("audit.pub.pem");
        Files.writeString(file, pem(pair.getPublic()));
        PublicKey read = AuditPublicKeyPem.read(file);
        assertThat(AuditEncoding.fingerprint(read)).isEqualTo(AuditEncoding.fingerprint(pair.getPublic()));
        byte[] message = {1, 2, 3};
        assertThat(Sm2.verify(read, message, Sm2.sign(pair.getPrivate(), message, new SecureRandom()))).isTrue();
    }

    @Test
    void readsAPublicKeyThatOpensslWrote() throws Exception {
        assumeTrue(new java.io.File("/usr/bin/openssl").canExecute(), "openssl binary not installed (CI installs it)");
        Path key = dir.resolve("sm2.key");
        Path pub = dir.resolve("sm2.pub");
        run("openssl", "genpkey", "-algorithm", "SM2", "-out", key.toString());
        run("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString());
        PublicKey read = AuditPublicKeyPem.read(pub);
        assertThat(AuditEncoding.fingerprint(read)).hasSize(64);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void refusesGarbageAPrivateKeyAndOtherCurves() throws Exception {
        assertThatThrownBy(() -> AuditPublicKeyPem.parse("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n",
                "bad.pem")).isInstanceOf(CryptoFailure.class).extracting(AuditPublicKeyPemTest::reasonOf)
                .isEqualTo(CryptoFailure.Reason.MALFORMED_KEY);
        assertThatThrownBy(() -> AuditPublicKeyPem.parse("hello", "empty.pem")).isInstanceOf(CryptoFailure.class)
                .hasMessageContaining("empty.pem").hasMessageContaining("no PUBLIC KEY");

        KeyPair sm2 = Sm2.generateKeyPair(new SecureRandom());
        String privatePem = pem(sm2.getPrivate());
        assertThatThrownBy(() -> AuditPublicKeyPem.parse(privatePem, "private.pem")).isInstanceOf(CryptoFailure.class)
                .extracting(AuditPublicKeyPemTest::reasonOf).isEqualTo(CryptoFailure.Reason.MALFORMED_KEY);

        KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
        p256.initialize(new ECGenParameterSpec("secp256r1"));
        String nist = pem(p256.generateKeyPair().getPublic());
        assertThatThrownBy(() -> AuditPublicKeyPem.parse(nist, "p256.pem")).isInstanceOf(CryptoFailure.class)
                .extracting(AuditPublicKeyPemTest::reasonOf).isEqualTo(CryptoFailure.Reason.WRONG_ALGORITHM);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaPem = pem(rsa.generateKeyPair().getPublic());
        assertThatThrownBy(() -> AuditPublicKeyPem.parse(rsaPem, "rsa.pem")).isInstanceOf(CryptoFailure.class)
                .extracting(AuditPublicKeyPemTest::reasonOf).isEqualTo(CryptoFailure.Reason.WRONG_ALGORITHM);
    }

    @Test
    void readsEveryKeyOfAFileWithSeveralBlocksAsExportPublicAllWritesIt() throws IOException {
        KeyPair v1 = Sm2.generateKeyPair(new SecureRandom());
        KeyPair v2 = Sm2.generateKeyPair(new SecureRandom());
        Path file = dir.resolve("all.pem");
        Files.writeString(file, "# audit-signing v1\n" + pem(v1.getPublic()) + "# audit-signing v2\n" + pem(v2.getPublic()));
        assertThat(AuditPublicKeyPem.readAll(file)).extracting(AuditEncoding::fingerprint).containsExactly(
                AuditEncoding.fingerprint(v1.getPublic()), AuditEncoding.fingerprint(v2.getPublic()));
        assertThatThrownBy(() -> AuditPublicKeyPem.read(file)).isInstanceOf(CryptoFailure.class)
                .hasMessageContaining("2 public keys where one was expected");

        String withPrivate = pem(v1.getPublic()) + pem(v2.getPrivate());
        assertThatThrownBy(() -> AuditPublicKeyPem.parseAll(withPrivate, "mixed.pem")).isInstanceOf(CryptoFailure.class)
                .hasMessageContaining("mixed.pem (PEM block 2)").extracting(AuditPublicKeyPemTest::reasonOf)
                .isEqualTo(CryptoFailure.Reason.MALFORMED_KEY);
    }
}
