package org.fenghuo.crypto.sm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fenghuo.crypto.CryptoFailure;

/**
 * X.509 v3 certificates signed with SM3withSM2 (OID 1.2.156.10197.1.501, signer ID
 * {@code 1234567812345678}, the default of GM/T 0009; OpenSSL 3.0 needs {@code -vfyopt distid:1234567812345678}
 * to check them, since its own default is an empty ID) for SM2 keys: a self-signed CA,
 * certificates it issues, PEM in and out, and a signature check. A certificate signed with any
 * other algorithm or holding a non-SM2 key is refused with {@code WRONG_ALGORITHM}.
 */
public final class Sm2Certificates {

    public static final String SIGNATURE_ALGORITHM = "SM3withSM2";
    public static final String SIGNATURE_OID = GMObjectIdentifiers.sm2sign_with_sm3.getId();

    private Sm2Certificates() {
    }

    /** What a new certificate says: subject name (RFC 4514, e.g. {@code CN=hub,O=Fenghuo}), validity, CA or not. */
    public record Profile(String subject, Instant notBefore, Duration validity, boolean ca) {
        public Profile {
            if (subject == null || subject.isBlank() || notBefore == null || validity == null
                    || validity.isNegative() || validity.isZero()) {
                throw new IllegalArgumentException("certificate profile needs a subject, a start and a positive validity");
            }
        }
    }

    /** A self-signed certificate for {@code keys}; with {@code profile.ca()} it can issue others. */
    public static X509Certificate selfSigned(java.security.KeyPair keys, Profile profile, SecureRandom random) {
        X500Name name = new X500Name(profile.subject());
        return build(name, keys.getPrivate(), keys.getPublic(), name, keys.getPublic(), profile, random);
    }

    /** A certificate for {@code subjectKey} signed by the CA {@code issuer} with its private key. */
    public static X509Certificate issue(X509Certificate issuer, PrivateKey issuerKey, PublicKey subjectKey,
            Profile profile, SecureRandom random) {
        requireSm2(issuer);
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        return build(issuerName, issuerKey, issuer.getPublicKey(), new X500Name(profile.subject()), subjectKey, profile, random);
    }

    public static String toPem(X509Certificate certificate) {
        try {
            return Sm2Pem.pem("CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always encodes", e);
        }
    }

    /**
     * Reads one {@code BEGIN CERTIFICATE} PEM.
     *
     * @throws CryptoFailure {@code MALFORMED_KEY} for text that is not a certificate,
     *     {@code WRONG_ALGORITHM} for one not signed with SM3withSM2 or not holding an SM2 key
     */
    public static X509Certificate readPem(String pem) {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "cannot parse the certificate PEM: "
                    + e.getClass().getSimpleName(), e);
        }
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "PEM holds "
                    + (object == null ? "nothing" : object.getClass().getSimpleName()) + ", not a certificate");
        }
        X509Certificate certificate;
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Sm2.PROVIDER);
            certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "certificate does not decode", e);
        }
        requireSm2(certificate);
        return certificate;
    }

    /**
     * Checks that {@code issuerKey} signed {@code certificate} with the default signer ID
     * {@code 1234567812345678} (GM/T 0009's default, Bouncy Castle's, and what {@link #issue} uses); validity
     * dates and chains are the caller's policy.
     *
     * @throws CryptoFailure {@code AUTHENTICATION_FAILED} when the signature does not verify,
     *     {@code WRONG_ALGORITHM} when the certificate is not SM3withSM2
     */
    public static void verify(X509Certificate certificate, PublicKey issuerKey) {
        verify(certificate, issuerKey, Sm2.DEFAULT_ID);
    }

    /**
     * As {@link #verify(X509Certificate, PublicKey)} with another signer ID. OpenSSL 3.0 signs and
     * checks certificates with an <em>empty</em> ID unless told otherwise ({@code -sigopt distid:...},
     * {@code -vfyopt distid:...}): pass {@code new byte[0]} for such a certificate.
     */
    public static void verify(X509Certificate certificate, PublicKey issuerKey, byte[] signerId) {
        requireSm2(certificate);
        byte[] tbs;
        try {
            tbs = certificate.getTBSCertificate();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "certificate body does not encode", e);
        }
        if (!Sm2.verify(Sm2.publicParameters(issuerKey), signerId, tbs, certificate.getSignature())) {
            throw new CryptoFailure(CryptoFailure.Reason.AUTHENTICATION_FAILED, "certificate "
                    + certificate.getSubjectX500Principal().getName() + " was not signed by this key with this signer ID");
        }
    }

    /** SM3withSM2 signature and an SM2 subject key, or {@code WRONG_ALGORITHM}. */
    static void requireSm2(X509Certificate certificate) {
        if (!SIGNATURE_OID.equals(certificate.getSigAlgOID())) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_ALGORITHM, "certificate "
                    + certificate.getSubjectX500Principal().getName() + " is signed with " + certificate.getSigAlgName()
                    + " (" + certificate.getSigAlgOID() + "), not " + SIGNATURE_ALGORITHM);
        }
        try {
            Sm2.publicParameters(certificate.getPublicKey());
        } catch (CryptoFailure e) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_ALGORITHM, "certificate "
                    + certificate.getSubjectX500Principal().getName() + " holds a non-SM2 key");
        }
    }

    private static X509Certificate build(X500Name issuer, PrivateKey issuerKey, PublicKey issuerPublic, X500Name subject,
            PublicKey subjectKey, Profile profile, SecureRandom random) {
        Sm2.privateParameters(issuerKey);
        Sm2.publicParameters(subjectKey);
        // 127 random bits: positive, unique per issuer in practice, within RFC 5280's 20 octets
        BigInteger serial = new BigInteger(127, random).setBit(126);
        Instant notAfter = profile.notBefore().plus(profile.validity());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(profile.notBefore()), Date.from(notAfter), subject, subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(profile.ca()))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(profile.ca()
                            ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                            : KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerPublic));
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setProvider(Sm2.PROVIDER)
                    .setSecureRandom(random).build(issuerKey);
            return new JcaX509CertificateConverter().setProvider(Sm2.PROVIDER).getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("building an SM2 certificate failed", e);
        }
    }
}
