package org.fenghuo.crypto.sm;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 digest (GB/T 32905): 256-bit output. */
public final class Sm3 {

    public static final int DIGEST_BYTES = 32;

    private Sm3() {
    }

    public static byte[] digest(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_BYTES];
        digest.doFinal(out, 0);
        return out;
    }
}
