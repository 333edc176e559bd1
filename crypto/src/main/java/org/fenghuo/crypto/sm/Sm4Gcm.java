package org.fenghuo.crypto.sm;

import java.security.SecureRandom;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM4-GCM under one 128-bit key with a fresh random 96-bit nonce per message. The sealed form is
 * {@code nonce (12) || ciphertext || tag (16)}; the AAD must name what the plaintext belongs to
 * (field and document), so a ciphertext moved elsewhere fails to open. Not thread-safe.
 *
 * <p>Random 96-bit nonces stay safe for about 2<sup>32</sup> messages per key (the NIST SP 800-38D
 * bound); rotate keys well before that. For a nonce chosen by someone else (RFC 8998, test vectors)
 * use {@link Sm4GcmWithNonce}.
 */
public final class Sm4Gcm {

    public static final int KEY_BYTES = Sm4Keys.KEY_BYTES;
    public static final int NONCE_BYTES = Sm4GcmCore.NONCE_BYTES;
    public static final int TAG_BYTES = Sm4GcmCore.TAG_BYTES;

    private final Sm4GcmCore core;
    private final SecureRandom random;

    public Sm4Gcm(byte[] key, SecureRandom random) {
        this.core = new Sm4GcmCore(key);
        this.random = random;
    }

    public byte[] seal(byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] out = core.seal(nonce, plaintext, aad, NONCE_BYTES);
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        return out;
    }

    public byte[] open(byte[] sealed, byte[] aad) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                    "SM4-GCM ciphertext shorter than nonce and tag (" + (sealed == null ? 0 : sealed.length) + " bytes)");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 0, nonce, 0, NONCE_BYTES);
        return core.open(nonce, sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, aad);
    }
}
