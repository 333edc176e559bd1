package org.fenghuo.crypto.sm;

import java.security.MessageDigest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.fenghuo.crypto.CryptoFailure;

/**
 * HMAC-SM3 under one key. Not thread-safe: the keyed state is computed once and reused, so keep
 * one instance per thread.
 */
public final class HmacSm3 {

    public static final int MAC_BYTES = 32;
    /** Shorter keys would weaken the MAC below SM3's strength goal; refuse them. */
    public static final int MIN_KEY_BYTES = 16;

    private final HMac mac = new HMac(new SM3Digest());

    public HmacSm3(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE,
                    "HMAC-SM3 key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        mac.init(new KeyParameter(key));
    }

    public byte[] mac(byte[] data) {
        mac.update(data, 0, data.length);
        byte[] out = new byte[MAC_BYTES];
        mac.doFinal(out, 0);
        return out;
    }

    /** Constant-time comparison of {@code expected} with the MAC of {@code data}. */
    public boolean verify(byte[] data, byte[] expected) {
        return MessageDigest.isEqual(mac(data), expected);
    }
}
