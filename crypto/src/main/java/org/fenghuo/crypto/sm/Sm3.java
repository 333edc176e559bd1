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

    /** A digest fed in pieces, for input that is not in one array (files, hash chains). */
    public static Incremental incremental() {
        return new Incremental();
    }

    /**
     * SM3 over input given in pieces; {@link #digest()} returns the hash and starts over, so one
     * instance can hash many messages in turn. Not thread-safe.
     */
    public static final class Incremental {
        private final SM3Digest digest = new SM3Digest();

        private Incremental() {
        }

        public Incremental update(byte[] data) {
            digest.update(data, 0, data.length);
            return this;
        }

        public Incremental update(byte[] data, int offset, int length) {
            digest.update(data, offset, length);
            return this;
        }

        /** The hash of everything given since creation or the previous call; resets the state. */
        public byte[] digest() {
            byte[] out = new byte[DIGEST_BYTES];
            digest.doFinal(out, 0);
            return out;
        }
    }
}
