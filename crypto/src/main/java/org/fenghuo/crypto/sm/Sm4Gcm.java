package org.fenghuo.crypto.sm;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM4-GCM under one 128-bit key with a fresh random 96-bit nonce per message. The sealed form is
 * {@code nonce (12) || ciphertext || tag (16)}; the AAD must name what the plaintext belongs to
 * (field and document), so a ciphertext moved elsewhere fails to open. Not thread-safe.
 */
public final class Sm4Gcm {

    public static final int KEY_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private final KeyParameter key;
    private final SecureRandom random;
    private final GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());

    public Sm4Gcm(byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE, "SM4 key must be " + KEY_BYTES + " bytes");
        }
        this.key = new KeyParameter(key.clone());
        this.random = random;
    }

    public byte[] seal(byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        cipher.init(true, new AEADParameters(key, TAG_BYTES * 8, nonce, aad));
        byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = cipher.processBytes(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        try {
            cipher.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return out;
    }

    public byte[] open(byte[] sealed, byte[] aad) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                    "SM4-GCM ciphertext shorter than nonce and tag (" + (sealed == null ? 0 : sealed.length) + " bytes)");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 0, nonce, 0, NONCE_BYTES);
        cipher.init(false, new AEADParameters(key, TAG_BYTES * 8, nonce, aad));
        int bodyLength = sealed.length - NONCE_BYTES;
        byte[] out = new byte[cipher.getOutputSize(bodyLength)];
        int n = cipher.processBytes(sealed, NONCE_BYTES, bodyLength, out, 0);
        try {
            cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoFailure(CryptoFailure.Reason.AUTHENTICATION_FAILED,
                    "SM4-GCM tag mismatch: wrong key, wrong associated data or modified ciphertext");
        }
        return out;
    }
}
