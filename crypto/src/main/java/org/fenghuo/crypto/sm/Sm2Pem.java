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
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM2 keys as the PEM text OpenSSL 3 reads and writes: private keys as unencrypted PKCS#8
 * ({@code BEGIN PRIVATE KEY}; SEC1 {@code BEGIN EC PRIVATE KEY} and OpenSSL 3.0's
 * {@code BEGIN SM2 PRIVATE KEY}, with or without a leading parameters block, are read too), public keys as SubjectPublicKeyInfo
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
        PemObject block = readKeyBlock(pem, "private key");
        PrivateKeyInfo info;
        try {
            info = switch (block.getType()) {
                case "PRIVATE KEY" -> PrivateKeyInfo.getInstance(block.getContent());
                case "EC PRIVATE KEY", "SM2 PRIVATE KEY" -> sec1(block.getContent());
                case "RSA PRIVATE KEY", "DSA PRIVATE KEY" -> throw new CryptoFailure(CryptoFailure.Reason.WRONG_ALGORITHM,
                        "PEM holds an " + block.getType() + ", not an SM2 key");
                case "ENCRYPTED PRIVATE KEY" -> throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY,
                        "encrypted PKCS#8 is not read here: decrypt it first (the keystore holds keys encrypted)");
                default -> throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY,
                        "PEM holds a " + block.getType() + " block, not a private key");
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw rethrow(e, "private key DER");
        }
        requireSm2(info.getPrivateKeyAlgorithm(), "private key");
        return convert(() -> CONVERTER.getPrivateKey(info), Sm2::privateParameters, "SM2 private key");
    }

    public static PublicKey readPublicKey(String pem) {
        PemObject block = readKeyBlock(pem, "public key");
        if (block.getType().equals("RSA PUBLIC KEY")) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_ALGORITHM, "PEM holds an RSA PUBLIC KEY, not an SM2 key");
        }
        if (!block.getType().equals("PUBLIC KEY")) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "PEM holds a " + block.getType() + " block, not a PUBLIC KEY");
        }
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(block.getContent());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw rethrow(e, "public key DER");
        }
        requireSm2(info.getAlgorithm(), "public key");
        return convert(() -> CONVERTER.getPublicKey(info), Sm2::publicParameters, "SM2 public key");
    }

    /** A conversion from parsed ASN.1 to a JCA key that may throw while decoding the point or scalar. */
    private interface Conversion<K> {
        K convert() throws IOException;
    }

    /** Converts, then lets {@code check} refuse a key off the curve; any other error is a malformed key. */
    private static <K> K convert(Conversion<K> conversion, java.util.function.Consumer<K> check, String what) {
        try {
            K key = conversion.convert();
            check.accept(key);
            return key;
        } catch (IOException | RuntimeException e) {
            throw rethrow(e, what);
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

    /**
     * The first PEM block that is not curve parameters ({@code EC PARAMETERS}, or {@code SM2 PARAMETERS}
     * as OpenSSL 3.0's {@code ecparam -name SM2 -genkey} writes them).
     */
    private static PemObject readKeyBlock(String pem, String what) {
        if (pem == null || pem.isBlank()) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "no PEM text for the " + what);
        }
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            PemObject block = reader.readPemObject();
            while (block != null && block.getType().endsWith(" PARAMETERS")) {
                block = reader.readPemObject();
            }
            if (block == null) {
                throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "no PEM block found for the " + what);
            }
            return block;
        } catch (IOException | RuntimeException e) {
            throw rethrow(e, what + " PEM");
        }
    }

    /** SEC1 {@code ECPrivateKey} (RFC 5915) as PKCS#8, taking the curve from its own parameters field. */
    private static PrivateKeyInfo sec1(byte[] der) {
        ECPrivateKey sec1 = ECPrivateKey.getInstance(der);
        if (sec1.getParametersObject() == null) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "SEC1 EC private key names no curve");
        }
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()), sec1);
        } catch (IOException e) {
            throw rethrow(e, "SEC1 EC private key");
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

}
