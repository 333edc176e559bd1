package org.fenghuo.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fenghuo.crypto.CryptoFailure;
import org.junit.jupiter.api.Test;

/** PEM keys and certificates without OpenSSL: round trips and every kind of bad input. */
class Sm2PemAndCertificateTest {

    private final SecureRandom random = new SecureRandom();
    private final Instant start = Instant.now().minusSeconds(60);

    private static void failsWith(CryptoFailure.Reason reason, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CryptoFailure.class)
                .extracting(e -> ((CryptoFailure) e).reason()).isEqualTo(reason);
    }

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private KeyPair otherKeys(String algorithm, java.security.spec.AlgorithmParameterSpec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm, Sm2.PROVIDER);
        if (spec == null) {
            generator.initialize(2048, random);
        } else {
            generator.initialize(spec, random);
        }
        return generator.generateKeyPair();
    }

    @Test
    void keysRoundTripThroughPem() {
        KeyPair keys = Sm2.generateKeyPair(random);
        String privatePem = Sm2Pem.writePrivateKey(keys.getPrivate());
        String publicPem = Sm2Pem.writePublicKey(keys.getPublic());
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
        PrivateKey readPrivate = Sm2Pem.readPrivateKey(privatePem);
        PublicKey readPublic = Sm2Pem.readPublicKey(publicPem);
        byte[] message = {4, 5, 6};
        assertThat(Sm2.verify(readPublic, message, Sm2.sign(readPrivate, message, random))).isTrue();
        assertThat(Sm2Pem.writePublicKey(readPublic)).isEqualTo(publicPem);
    }

    @Test
    void malformedPemIsMalformedKey() {
        KeyPair keys = Sm2.generateKeyPair(random);
        String good = Sm2Pem.writePrivateKey(keys.getPrivate());
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPrivateKey(""));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPrivateKey("not a pem at all"));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPrivateKey(good.replace("-----END PRIVATE KEY-----", "")));
        String body = good.split("\n")[1];
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPrivateKey(good.replace(body, body.substring(0, 20))));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPrivateKey(good.replace(body, "!!!!" + body.substring(4))));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPrivateKey(Sm2Pem.writePublicKey(keys.getPublic())));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPublicKey(good));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Pem.readPublicKey(null));
    }

    @Test
    void otherAlgorithmsAreWrongAlgorithm() throws Exception {
        KeyPair p256 = otherKeys("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair rsa = otherKeys("RSA", null);
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Pem.readPrivateKey(pem(p256.getPrivate())));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Pem.readPrivateKey(Sm2Pem.pem("PRIVATE KEY", p256.getPrivate().getEncoded())));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Pem.readPublicKey(pem(p256.getPublic())));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Pem.readPrivateKey(pem(rsa.getPrivate())));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Pem.readPrivateKey(Sm2Pem.pem("PRIVATE KEY", rsa.getPrivate().getEncoded())));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Pem.readPublicKey(pem(rsa.getPublic())));
        assertThatThrownBy(() -> Sm2Pem.readPublicKey(pem(p256.getPublic())))
                .hasMessageContaining("1.2.840.10045.3.1.7").hasMessageContaining("sm2p256v1");
    }

    @Test
    void caIssuesACertificateThatVerifiesOnlyUnderTheCaKey() {
        KeyPair caKeys = Sm2.generateKeyPair(random);
        KeyPair leafKeys = Sm2.generateKeyPair(random);
        X509Certificate ca = Sm2Certificates.selfSigned(caKeys,
                new Sm2Certificates.Profile("CN=CA,O=Fenghuo", start, Duration.ofDays(1), true), random);
        X509Certificate leaf = Sm2Certificates.issue(ca, caKeys.getPrivate(), leafKeys.getPublic(),
                new Sm2Certificates.Profile("CN=leaf,O=Fenghuo", start, Duration.ofHours(1), false), random);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(leaf.getSigAlgOID()).isEqualTo("1.2.156.10197.1.501");

        X509Certificate reread = Sm2Certificates.readPem(Sm2Certificates.toPem(leaf));
        assertThat(reread).isEqualTo(leaf);
        Sm2Certificates.verify(reread, ca.getPublicKey());
        Sm2Certificates.verify(ca, ca.getPublicKey());
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> Sm2Certificates.verify(leaf, leafKeys.getPublic()));
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> Sm2Certificates.verify(leaf, ca.getPublicKey(), new byte[0]));
    }

    @Test
    void tamperedCertificateFailsAuthentication() throws Exception {
        KeyPair caKeys = Sm2.generateKeyPair(random);
        X509Certificate ca = Sm2Certificates.selfSigned(caKeys,
                new Sm2Certificates.Profile("CN=CA", start, Duration.ofDays(1), true), random);
        byte[] der = ca.getEncoded();
        String name = "CN=CA";
        int at = indexOf(der, new byte[] {0x0c, 0x02, 'C', 'A'});
        assertThat(at).as(name + " in the DER").isPositive();
        der[at + 3] = 'B';
        X509Certificate tampered = Sm2Certificates.readPem(Sm2Pem.pem("CERTIFICATE", der));
        failsWith(CryptoFailure.Reason.AUTHENTICATION_FAILED, () -> Sm2Certificates.verify(tampered, caKeys.getPublic()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void certificatesOfOtherAlgorithmsAreWrongAlgorithm() throws Exception {
        KeyPair p256 = otherKeys("EC", new ECGenParameterSpec("secp256r1"));
        X500Name name = new X500Name("CN=p256");
        X509Certificate ecdsa = new JcaX509CertificateConverter().setProvider(Sm2.PROVIDER).getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.TEN, Date.from(start), Date.from(start.plusSeconds(3600)),
                        name, p256.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Sm2.PROVIDER).build(p256.getPrivate())));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Certificates.readPem(Sm2Certificates.toPem(ecdsa)));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Certificates.verify(ecdsa, p256.getPublic()));
        assertThatThrownBy(() -> Sm2Certificates.readPem(Sm2Certificates.toPem(ecdsa)))
                .hasMessageContaining("SHA256WITHECDSA").hasMessageContaining("SM3withSM2");

        // signed with SM3withSM2 by an SM2 CA, but certifying a P-256 key
        KeyPair sm2 = Sm2.generateKeyPair(random);
        X509Certificate mixed = new JcaX509CertificateConverter().setProvider(Sm2.PROVIDER).getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.TWO, Date.from(start), Date.from(start.plusSeconds(3600)),
                        name, p256.getPublic())
                        .build(new JcaContentSignerBuilder("SM3withSM2").setProvider(Sm2.PROVIDER).build(sm2.getPrivate())));
        failsWith(CryptoFailure.Reason.WRONG_ALGORITHM, () -> Sm2Certificates.readPem(Sm2Certificates.toPem(mixed)));
    }

    @Test
    void malformedCertificatePemIsMalformedKey() {
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Certificates.readPem(""));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Certificates.readPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        failsWith(CryptoFailure.Reason.MALFORMED_KEY, () -> Sm2Certificates.readPem(Sm2Pem.writePublicKey(Sm2.generateKeyPair(random).getPublic())));
    }
}
