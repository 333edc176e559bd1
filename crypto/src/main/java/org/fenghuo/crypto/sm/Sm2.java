package org.fenghuo.crypto.sm;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM2 (GB/T 32918) on the sm2p256v1 curve: key generation, signatures with the signer ID and
 * Z<sub>A</sub> of part 2 (DER-encoded r, s), and public-key encryption in the standard's C1C3C2
 * order ({@link Sm2Ciphertext} converts to the old C1C2C3 order and to the ASN.1 form of
 * GM/T 0009 that OpenSSL uses). Keys on any other curve are refused with {@code WRONG_KEY_TYPE}.
 *
 * <p>The {@code SecureRandom} given to {@code sign} and {@code encrypt} supplies the per-operation
 * secret k; only a test reproducing the standard's worked examples passes a fixed one.
 */
public final class Sm2 {

    /** The default signer ID of GB/T 32918 and GM/T 0009. */
    public static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    public static final String CURVE = "sm2p256v1";
    /** ENTL is a 16-bit count of ID bits, so an ID is at most 8191 bytes. */
    public static final int MAX_ID_BYTES = 0xFFFF / 8;

    static final ECDomainParameters DOMAIN = new ECDomainParameters(GMNamedCurves.getByName(CURVE));
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

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
        return sign(privateParameters(key), id, message, random);
    }

    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return verify(key, DEFAULT_ID, message, signature);
    }

    public static boolean verify(PublicKey key, byte[] id, byte[] message, byte[] signature) {
        return verify(publicParameters(key), id, message, signature);
    }

    /**
     * Z<sub>A</sub> = SM3(ENTL || ID || a || b || x<sub>G</sub> || y<sub>G</sub> || x<sub>A</sub> || y<sub>A</sub>),
     * the hash of the signer's identity that GB/T 32918.2 puts in front of the message.
     */
    public static byte[] za(PublicKey key, byte[] id) {
        return za(publicParameters(key), id);
    }

    /** Encrypts to {@code C1 || C3 || C2} (C1 uncompressed point, C3 the SM3 hash). */
    public static byte[] encrypt(PublicKey key, byte[] plaintext, SecureRandom random) {
        return encrypt(publicParameters(key), plaintext, random);
    }

    /** Decrypts {@code C1 || C3 || C2}. */
    public static byte[] decrypt(PrivateKey key, byte[] ciphertext) {
        return decrypt(privateParameters(key), ciphertext);
    }

    // The overloads on Bouncy Castle parameters skip the curve check, so the tests can replay the
    // standard's examples, which use its own test curve.

    static byte[] sign(ECPrivateKeyParameters key, byte[] id, byte[] message, SecureRandom random) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), checkId(id)));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    static boolean verify(ECPublicKeyParameters key, byte[] id, byte[] message, byte[] signature) {
        if (signature == null) {
            return false;
        }
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ParametersWithID(key, checkId(id)));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    static byte[] za(ECPublicKeyParameters key, byte[] id) {
        int bits = checkId(id).length * 8;
        ECDomainParameters domain = key.getParameters();
        int size = (domain.getCurve().getFieldSize() + 7) / 8;
        SM3Digest digest = new SM3Digest();
        digest.update((byte) (bits >>> 8));
        digest.update((byte) bits);
        digest.update(id, 0, id.length);
        update(digest, domain.getCurve().getA().toBigInteger(), size);
        update(digest, domain.getCurve().getB().toBigInteger(), size);
        update(digest, domain.getG().getAffineXCoord().toBigInteger(), size);
        update(digest, domain.getG().getAffineYCoord().toBigInteger(), size);
        update(digest, key.getQ().getAffineXCoord().toBigInteger(), size);
        update(digest, key.getQ().getAffineYCoord().toBigInteger(), size);
        byte[] out = new byte[Sm3.DIGEST_BYTES];
        digest.doFinal(out, 0);
        return out;
    }

    static byte[] encrypt(ECPublicKeyParameters key, byte[] plaintext, SecureRandom random) {
        if (plaintext.length == 0) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "SM2 cannot encrypt an empty message");
        }
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(key, random));
        try {
            return engine.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    static byte[] decrypt(ECPrivateKeyParameters key, byte[] ciphertext) {
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, key);
        try {
            return engine.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.AUTHENTICATION_FAILED,
                    "SM2 ciphertext does not decrypt under this key (wrong key, truncated or modified)");
        }
    }

    private static void update(SM3Digest digest, java.math.BigInteger value, int size) {
        byte[] bytes = BigIntegers.asUnsignedByteArray(size, value);
        digest.update(bytes, 0, bytes.length);
    }

    private static byte[] checkId(byte[] id) {
        if (id == null || id.length > MAX_ID_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                    "SM2 signer ID must be 0-" + MAX_ID_BYTES + " bytes, got " + (id == null ? "none" : id.length));
        }
        return id;
    }

    static ECPrivateKeyParameters privateParameters(PrivateKey key) {
        AsymmetricKeyParameter parameters;
        try {
            parameters = ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE, "not an SM2 private key: " + algorithm(key));
        }
        return onSm2Curve((ECPrivateKeyParameters) parameters);
    }

    static ECPublicKeyParameters publicParameters(PublicKey key) {
        AsymmetricKeyParameter parameters;
        try {
            parameters = ECUtil.generatePublicKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE, "not an SM2 public key: " + algorithm(key));
        }
        return onSm2Curve((ECPublicKeyParameters) parameters);
    }

    /** True when the EC domain is sm2p256v1 (same curve and base point), whatever it is called. */
    static boolean isSm2Domain(ECDomainParameters domain) {
        return domain.getCurve().equals(DOMAIN.getCurve()) && domain.getG().equals(DOMAIN.getG())
                && domain.getN().equals(DOMAIN.getN());
    }

    private static <K extends ECKeyParameters> K onSm2Curve(K key) {
        if (!isSm2Domain(key.getParameters())) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE, "EC key is not on the " + CURVE + " curve");
        }
        return key;
    }

    private static String algorithm(java.security.Key key) {
        return key == null ? "none" : key.getAlgorithm();
    }
}
