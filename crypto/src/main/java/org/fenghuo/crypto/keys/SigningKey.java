package org.fenghuo.crypto.keys;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * One version of the audit trail's SM2 signing key pair, with the self-signed SM3withSM2
 * certificate the keystore keeps it under. Checkpoints name the version that signed them so a
 * verifier picks the right public key after a rotation.
 */
public record SigningKey(String id, int version, Instant created, PrivateKey privateKey, X509Certificate certificate) {

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    /** Never prints the private key. */
    @Override
    public String toString() {
        return "SigningKey[" + id + " v" + version + "]";
    }
}
