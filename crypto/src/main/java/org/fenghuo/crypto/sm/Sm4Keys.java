package org.fenghuo.crypto.sm;

import org.bouncycastle.crypto.params.KeyParameter;
import org.fenghuo.crypto.CryptoFailure;

/** Checks shared by the SM4 modes: one key size, one block size, named failures. */
final class Sm4Keys {

    static final int KEY_BYTES = 16;
    static final int BLOCK_BYTES = 16;

    private Sm4Keys() {
    }

    static KeyParameter key(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.WRONG_KEY_TYPE,
                    "SM4 key must be " + KEY_BYTES + " bytes, got " + (key == null ? "none" : key.length));
        }
        return new KeyParameter(key.clone());
    }

    static byte[] iv(byte[] iv, String mode) {
        if (iv == null || iv.length != BLOCK_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                    mode + " IV must be " + BLOCK_BYTES + " bytes, got " + (iv == null ? "none" : iv.length));
        }
        return iv.clone();
    }
}
