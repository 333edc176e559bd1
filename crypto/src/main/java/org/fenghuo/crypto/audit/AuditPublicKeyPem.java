package org.fenghuo.crypto.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.fenghuo.crypto.CryptoFailure;

/**
 * Reads the SM2 public key that verifies checkpoints from an SPKI PEM ({@code -----BEGIN PUBLIC
 * KEY-----}, as {@code openssl pkey -pubout} writes it). Kept inside audit until the shared PEM
 * helper of {@code sm/} exists; refuses anything but an EC key on the sm2p256v1 curve.
 */
public final class AuditPublicKeyPem {

    private static final JcaPEMKeyConverter CONVERTER = new JcaPEMKeyConverter().setProvider(new BouncyCastleProvider());

    private AuditPublicKeyPem() {
    }

    /** @throws CryptoFailure {@code MALFORMED_KEY} or {@code WRONG_ALGORITHM}, naming the file */
    public static PublicKey read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** @param name what to call the PEM in messages (e.g. its file name) */
    public static PublicKey parse(String pem, String name) {
        Object object;
        try (Reader reader = new StringReader(pem); PEMParser parser = new PEMParser(reader)) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, name + ": not a readable PEM");
        }
        if (!(object instanceof SubjectPublicKeyInfo spki)) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, name + ": no PUBLIC KEY (SPKI) block"
                    + (object == null ? "" : ", found " + object.getClass().getSimpleName()));
        }
        ASN1Encodable curve = spki.getAlgorithm().getParameters();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())
                || !GMObjectIdentifiers.sm2p256v1.equals(curve)) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_ALGORITHM, name + ": not an SM2 public key (algorithm "
                    + spki.getAlgorithm().getAlgorithm() + (curve == null ? "" : ", parameters " + curve) + ")");
        }
        try {
            return CONVERTER.getPublicKey(spki);
        } catch (IOException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, name + ": SM2 public key does not decode");
        }
    }
}
