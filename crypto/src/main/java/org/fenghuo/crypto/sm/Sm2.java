package org.fenghuo.crypto.sm;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM2 (GB/T 32918) on the sm2p256v1 curve: key generation, signatures with the signer ID and
 * Z<sub>A</sub> of part 2 (DER-encoded r, s), and public-key encryption in the standard's C1C3C2
 * order.
 */
public final class Sm2 {

    /** The default signer ID of GB/T 32918 and GM/T 0009. */
    public static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    public static final String CURVE = "sm2p256v1";

    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private Sm2() {
    }

    public static KeyPair generateKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate SM2 keys", e);
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message, SecureRandom random) {
        return sign(key, DEFAULT_ID, message, random);
    }

    public static byte[] sign(PrivateKey key, byte[] id, byte[] message, SecureRandom random) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(privateParameters(key), random), id));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return verify(key, DEFAULT_ID, message, signature);
    }

    public static boolean verify(PublicKey key, byte[] id, byte[] message, byte[] signature) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ParametersWithID(publicParameters(key), id));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    /** Encrypts to {@code C1 || C3 || C2} (C1 uncompressed point, C3 the SM3 hash). */
    public static byte[] encrypt(PublicKey key, byte[] plaintext, SecureRandom random) {
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(publicParameters(key), random));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    /** Decrypts {@code C1 || C3 || C2}. */
    public static byte[] decrypt(PrivateKey key, byte[] ciphertext) {
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, privateParameters(key));
        try {
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.AUTHENTICATION_FAILED,
                    "SM2 ciphertext does not decrypt under this key (wrong key, truncated or modified)");
        }
    }

    static AsymmetricKeyParameter privateParameters(PrivateKey key) {
        try {
            return ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE, "not an SM2 private key: " + key.getAlgorithm());
        }
    }

    static AsymmetricKeyParameter publicParameters(PublicKey key) {
        try {
            return ECUtil.generatePublicKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE, "not an SM2 public key: " + key.getAlgorithm());
        }
    }
}
