package org.fenghuo.crypto.sm;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CTRModeCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * SM4-CTR with an explicit 16-byte initial counter block, incremented as one 128-bit big-endian
 * number, as {@code openssl enc -sm4-ctr -K -iv} does. <strong>Interop only</strong>: CTR does
 * not authenticate (every flipped bit flips the same plaintext bit) and a counter block reused
 * under the same key reveals the XOR of two plaintexts. Fenghuo's own data uses {@link Sm4Gcm}.
 * Encryption and decryption are the same operation.
 */
public final class Sm4Ctr {

    public static final int IV_BYTES = Sm4Keys.BLOCK_BYTES;

    private Sm4Ctr() {
    }

    public static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
        return apply(key, iv, plaintext);
    }

    public static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) {
        return apply(key, iv, ciphertext);
    }

    private static byte[] apply(byte[] key, byte[] iv, byte[] input) {
        CTRModeCipher cipher = SICBlockCipher.newInstance(new SM4Engine());
        cipher.init(true, new ParametersWithIV(Sm4Keys.key(key), Sm4Keys.iv(iv, "SM4-CTR")));
        byte[] out = new byte[input.length];
        cipher.processBytes(input, 0, input.length, out, 0);
        return out;
    }
}
