package org.fenghuo.crypto.sm;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM2 keys as the PEM text OpenSSL 3 reads and writes: private keys as unencrypted PKCS#8
 * ({@code BEGIN PRIVATE KEY}; OpenSSL's SEC1 {@code BEGIN EC PRIVATE KEY}, with or without a leading
 * {@code EC PARAMETERS} block, is read too), public keys as SubjectPublicKeyInfo
 * ({@code BEGIN PUBLIC KEY}). Both name the curve by its OID (id-ecPublicKey with sm2p256v1,
 * 1.2.156.10197.1.301), never by explicit parameters.
 *
 * <p>Text that is not one parseable key of the expected kind fails with {@code MALFORMED_KEY};
 * a well-formed key of another algorithm or curve (RSA, P-256) with {@code WRONG_ALGORITHM}.
 */
public final class Sm2Pem {

    private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter().setProvider(Sm2.PROVIDER);

    private Sm2Pem() {
    }

    public static PrivateKey readPrivateKey(String pem) {
        Object object = readKeyObject(pem, "private key");
        PrivateKeyInfo info;
        if (object instanceof PrivateKeyInfo p) {
            info = p;
        } else if (object instanceof PEMKeyPair pair) {
            info = pair.getPrivateKeyInfo();
        } else {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY,
                    "PEM holds " + describe(object) + ", not an unencrypted private key");
        }
        requireSm2(info.getPrivateKeyAlgorithm(), "private key");
        try {
            PrivateKey key = CONVERTER.getPrivateKey(info);
            Sm2.privateParameters(key);
            return key;
        } catch (IOException | RuntimeException e) {
            throw rethrow(e, "SM2 private key");
        }
    }

    public static PublicKey readPublicKey(String pem) {
        Object object = readKeyObject(pem, "public key");
        if (!(object instanceof SubjectPublicKeyInfo info)) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "PEM holds " + describe(object) + ", not a public key");
        }
        requireSm2(info.getAlgorithm(), "public key");
        try {
            PublicKey key = CONVERTER.getPublicKey(info);
            Sm2.publicParameters(key);
            return key;
        } catch (IOException | RuntimeException e) {
            throw rethrow(e, "SM2 public key");
        }
    }

    /** PKCS#8 {@code BEGIN PRIVATE KEY}, unencrypted: store it only where a passphrase or the OS protects it. */
    public static String writePrivateKey(PrivateKey key) {
        Sm2.privateParameters(key);
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** SubjectPublicKeyInfo {@code BEGIN PUBLIC KEY}. */
    public static String writePublicKey(PublicKey key) {
        Sm2.publicParameters(key);
        return pem("PUBLIC KEY", key.getEncoded());
    }

    static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory cannot fail", e);
        }
        return text.toString();
    }

    /** The first object of the PEM text that is not a curve-parameters block. */
    private static Object readKeyObject(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "no PEM text for the " + what);
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            while (object instanceof ASN1ObjectIdentifier || object instanceof X9ECParameters) {
                object = parser.readObject();
            }
            if (object == null) {
                throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "no PEM block found for the " + what);
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw rethrow(e, what + " PEM");
        }
    }

    /** id-ecPublicKey with the named curve sm2p256v1; anything else is another algorithm. */
    private static void requireSm2(AlgorithmIdentifier algorithm, String what) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_ALGORITHM,
                    what + " is of algorithm " + oid.getId() + ", not SM2 (id-ecPublicKey on sm2p256v1)");
        }
        if (!(algorithm.getParameters() instanceof ASN1ObjectIdentifier curve)
                || !GMObjectIdentifiers.sm2p256v1.equals(curve)) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_ALGORITHM, what + " is an EC key on "
                    + (algorithm.getParameters() instanceof ASN1ObjectIdentifier c ? "curve " + c.getId() : "explicit or absent parameters")
                    + ", not sm2p256v1 (" + GMObjectIdentifiers.sm2p256v1.getId() + ")");
        }
    }

    private static CryptoFailure rethrow(Exception e, String what) {
        if (e instanceof CryptoFailure failure) {
            return failure;
        }
        return new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "cannot parse the " + what + ": "
                + e.getClass().getSimpleName(), e);
    }

    private static String describe(Object object) {
        return object == null ? "nothing" : object.getClass().getSimpleName();
    }
}
