package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SM2 against OpenSSL 3 both ways: signatures with the signer ID ({@code pkeyutl -rawin -digest sm3
 * -pkeyopt distid:...}), keys as PEM, encryption in the ASN.1 form, and SM3withSM2 certificates.
 */
class OpenSslSm2InteropTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final byte[] message = "isolate host 10.20.30.40 at 2026-11-24T06:00Z".getBytes(StandardCharsets.UTF_8);

    private String[] verifyArgs(String id) {
        return new String[] {"pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-digest", "sm3",
            "-pkeyopt", "distid:" + id, "-in", "msg", "-sigfile", "sig"};
    }

    @Test
    void ourSignatureVerifiesInOpenSslWithTheDefaultAndAnotherId() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        KeyPair keys = Sm2.generateKeyPair(random);
        openssl.write("pub.pem", Sm2Pem.writePublicKey(keys.getPublic()));
        openssl.write("msg", message);

        openssl.write("sig", Sm2.sign(keys.getPrivate(), message, random));
        assertThat(openssl.run(verifyArgs("1234567812345678")).text()).contains("Signature Verified Successfully");
        assertThat(openssl.attempt(verifyArgs("another-id")).exit()).as("wrong distid must fail").isNotZero();

        openssl.write("sig", Sm2.sign(keys.getPrivate(), "ops@fenghuo".getBytes(StandardCharsets.US_ASCII), message, random));
        assertThat(openssl.run(verifyArgs("ops@fenghuo")).text()).contains("Signature Verified Successfully");

        openssl.write("msg", "isolate host 10.20.30.41".getBytes(StandardCharsets.UTF_8));
        OpenSsl.Result tampered = openssl.attempt(verifyArgs("ops@fenghuo"));
        assertThat(tampered.exit()).as("modified message must fail").isNotZero();
        assertThat(tampered.text()).contains("Verification Failure");
    }

    @Test
    void openSslSignatureVerifiesHere() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        openssl.run("genpkey", "-algorithm", "SM2", "-out", "key.pem");
        openssl.run("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        openssl.write("msg", message);
        openssl.run("pkeyutl", "-sign", "-inkey", "key.pem", "-rawin", "-digest", "sm3",
                "-pkeyopt", "distid:1234567812345678", "-in", "msg", "-out", "sig");
        PublicKey pub = Sm2Pem.readPublicKey(openssl.readString("pub.pem"));
        byte[] signature = openssl.read("sig");
        assertThat(Sm2.verify(pub, message, signature)).isTrue();
        assertThat(Sm2.verify(pub, "x".getBytes(StandardCharsets.US_ASCII), message, signature)).isFalse();
        assertThat(Sm2.verify(pub, "isolate host 10.20.30.41".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void keysGeneratedByOpenSslAreReadHere() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        openssl.run("genpkey", "-algorithm", "SM2", "-out", "pkcs8.pem");
        openssl.run("ecparam", "-name", "SM2", "-genkey", "-out", "ecparam.pem");
        openssl.run("ec", "-in", "ecparam.pem", "-out", "sec1.pem");
        assertThat(openssl.readString("sec1.pem")).contains("BEGIN SM2 PRIVATE KEY");
        for (String file : new String[] {"pkcs8.pem", "ecparam.pem", "sec1.pem"}) {
            PrivateKey key = Sm2Pem.readPrivateKey(openssl.readString(file));
            openssl.run("pkey", "-in", file, "-pubout", "-out", file + ".pub");
            PublicKey pub = Sm2Pem.readPublicKey(openssl.readString(file + ".pub"));
            byte[] signature = Sm2.sign(key, message, random);
            assertThat(Sm2.verify(pub, message, signature)).as(file).isTrue();
            assertThat(Sm2Pem.writePublicKey(pub)).as(file).isEqualTo(openssl.readString(file + ".pub"));
            openssl.write(file + ".ours", Sm2Pem.writePrivateKey(key));
            assertThat(openssl.run("pkey", "-in", file + ".ours", "-text", "-noout").text()).as(file).contains("ASN1 OID: SM2");
            assertThat(openssl.run("pkey", "-in", file + ".ours", "-pubout").text()).as(file).isEqualTo(openssl.readString(file + ".pub"));
        }
    }

    @Test
    void keysWrittenHereAreReadByOpenSslWithTheSamePublicKey() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        KeyPair keys = Sm2.generateKeyPair(random);
        String ourPublic = Sm2Pem.writePublicKey(keys.getPublic());
        openssl.write("key.pem", Sm2Pem.writePrivateKey(keys.getPrivate()));
        openssl.write("pub.pem", ourPublic);
        assertThat(openssl.run("pkey", "-in", "key.pem", "-text", "-noout").text()).contains("ASN1 OID: SM2");
        assertThat(openssl.run("pkey", "-pubin", "-in", "pub.pem", "-text", "-noout").text()).contains("ASN1 OID: SM2");
        assertThat(openssl.run("pkey", "-in", "key.pem", "-pubout").text()).isEqualTo(ourPublic);
        assertThat(openssl.run("pkey", "-pubin", "-in", "pub.pem", "-pubout").text()).isEqualTo(ourPublic);
    }

    @Test
    void encryptionCrossesBothWaysInTheAsn1Form() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        KeyPair keys = Sm2.generateKeyPair(random);
        openssl.write("key.pem", Sm2Pem.writePrivateKey(keys.getPrivate()));
        openssl.write("pub.pem", Sm2Pem.writePublicKey(keys.getPublic()));
        byte[] plaintext = "110105199001011234".getBytes(StandardCharsets.US_ASCII);

        openssl.write("ours.der", Sm2Ciphertext.c1c3c2ToAsn1(Sm2.encrypt(keys.getPublic(), plaintext, random)));
        assertThat(openssl.run("pkeyutl", "-decrypt", "-inkey", "key.pem", "-in", "ours.der").stdout()).isEqualTo(plaintext);

        openssl.write("plain", plaintext);
        openssl.run("pkeyutl", "-encrypt", "-pubin", "-inkey", "pub.pem", "-in", "plain", "-out", "theirs.der");
        byte[] theirs = openssl.read("theirs.der");
        assertThat(Sm2.decrypt(keys.getPrivate(), Sm2Ciphertext.asn1ToC1c3c2(theirs))).isEqualTo(plaintext);
    }

    @Test
    void ourCertificatesParseAndVerifyInOpenSsl() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        KeyPair caKeys = Sm2.generateKeyPair(random);
        KeyPair leafKeys = Sm2.generateKeyPair(random);
        Instant now = Instant.now().minusSeconds(60);
        X509Certificate ca = Sm2Certificates.selfSigned(caKeys,
                new Sm2Certificates.Profile("CN=Fenghuo Test CA,O=Fenghuo", now, Duration.ofDays(30), true), random);
        X509Certificate leaf = Sm2Certificates.issue(ca, caKeys.getPrivate(), leafKeys.getPublic(),
                new Sm2Certificates.Profile("CN=audit-signer,O=Fenghuo", now, Duration.ofDays(7), false), random);
        openssl.write("ca.pem", Sm2Certificates.toPem(ca));
        openssl.write("leaf.pem", Sm2Certificates.toPem(leaf));
        String text = openssl.run("x509", "-in", "leaf.pem", "-noout", "-text").text();
        assertThat(text).contains("Signature Algorithm: SM2-with-SM3").contains("CN = audit-signer");
        assertThat(openssl.run("verify", "-vfyopt", "distid:1234567812345678", "-CAfile", "ca.pem", "leaf.pem").text())
                .contains("leaf.pem: OK");
        assertThat(openssl.attempt("verify", "-CAfile", "ca.pem", "leaf.pem").exit())
                .as("OpenSSL 3.0 checks with an empty signer ID by default, we sign with the GM/T 0009 default").isNotZero();

        X509Certificate stranger = Sm2Certificates.selfSigned(Sm2.generateKeyPair(random),
                new Sm2Certificates.Profile("CN=Fenghuo Test CA,O=Fenghuo", now, Duration.ofDays(30), true), random);
        openssl.write("stranger.pem", Sm2Certificates.toPem(stranger));
        assertThat(openssl.attempt("verify", "-vfyopt", "distid:1234567812345678", "-CAfile", "stranger.pem", "leaf.pem").exit())
                .as("a CA with the same name but another key must not verify the leaf").isNotZero();
    }

    @Test
    void openSslCertificatesAreReadAndVerifiedHereWithTheirSignerId() throws Exception {
        OpenSsl openssl = OpenSsl.in(dir);
        openssl.run("genpkey", "-algorithm", "SM2", "-out", "key.pem");
        openssl.run("req", "-x509", "-new", "-key", "key.pem", "-sm3", "-subj", "/CN=openssl-ca", "-days", "2",
                "-sigopt", "distid:1234567812345678", "-out", "standard-id.pem");
        X509Certificate standard = Sm2Certificates.readPem(openssl.readString("standard-id.pem"));
        Sm2Certificates.verify(standard, standard.getPublicKey());
        assertThat(standard.getSubjectX500Principal().getName()).isEqualTo("CN=openssl-ca");

        openssl.run("req", "-x509", "-new", "-key", "key.pem", "-sm3", "-subj", "/CN=openssl-ca", "-days", "2", "-out", "empty-id.pem");
        X509Certificate empty = Sm2Certificates.readPem(openssl.readString("empty-id.pem"));
        Sm2Certificates.verify(empty, empty.getPublicKey(), new byte[0]);
        assertThatThrownBy(() -> Sm2Certificates.verify(empty, empty.getPublicKey()))
                .isInstanceOf(CryptoFailure.class).hasMessageStartingWith("AUTHENTICATION_FAILED");
    }
}
