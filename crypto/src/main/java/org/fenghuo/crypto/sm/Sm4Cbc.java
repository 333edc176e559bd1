package org.fenghuo.crypto.sm;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM4-CBC with PKCS#7 padding and an explicit 16-byte IV, as {@code openssl enc -sm4-cbc -K -iv}
 * reads and writes. <strong>Interop only</strong>: CBC does not authenticate (a modified
 * ciphertext usually decrypts to garbage without any error) and the caller must bring a fresh,
 * unpredictable IV per message. Fenghuo's own data uses {@link Sm4Gcm}.
 */
public final class Sm4Cbc {

    public static final int IV_BYTES = Sm4Keys.BLOCK_BYTES;

    private Sm4Cbc() {
    }

    public static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
        BufferedBlockCipher cipher = cipher(true, key, iv);
        byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
        int n = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("CBC encryption with padding cannot fail", e);
        }
        return out;
    }

    /**
     * @throws CryptoFailure {@code MALFORMED_INPUT} when the length is not a positive multiple of
     *     16 or the padding is wrong (wrong key or IV, or a modified last block)
     */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length == 0 || ciphertext.length % Sm4Keys.BLOCK_BYTES != 0) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "SM4-CBC ciphertext must be a positive multiple of "
                    + Sm4Keys.BLOCK_BYTES + " bytes, got " + (ciphertext == null ? 0 : ciphertext.length));
        }
        BufferedBlockCipher cipher = cipher(false, key, iv);
        byte[] buffer = new byte[cipher.getOutputSize(ciphertext.length)];
        int n = cipher.processBytes(ciphertext, 0, ciphertext.length, buffer, 0);
        try {
            n += cipher.doFinal(buffer, n);
        } catch (InvalidCipherTextException e) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                    "SM4-CBC padding is invalid: wrong key or IV, or modified ciphertext");
        }
        byte[] out = new byte[n];
        System.arraycopy(buffer, 0, out, 0, n);
        java.util.Arrays.fill(buffer, (byte) 0);
        return out;
    }

    private static BufferedBlockCipher cipher(boolean encrypt, byte[] key, byte[] iv) {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(
                CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(Sm4Keys.key(key), Sm4Keys.iv(iv, "SM4-CBC")));
        return cipher;
    }
}
