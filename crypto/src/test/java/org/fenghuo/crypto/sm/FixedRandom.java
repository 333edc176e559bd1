package org.fenghuo.crypto.sm;

import java.security.SecureRandom;
import org.bouncycastle.util.encoders.Hex;

/**
 * Hands out preset bytes, so a test can replay a standard's example with its "random" k. Bouncy
 * Castle draws k as one 32-byte read for a 256-bit order; a second read fails the test loudly.
 */
final class FixedRandom extends SecureRandom {
    private byte[] next;

    FixedRandom(String hex) {
        this.next = Hex.decode(hex.replace(" ", ""));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        if (next == null || bytes.length != next.length) {
            throw new IllegalStateException("fixed random asked for " + bytes.length + " bytes, has "
                    + (next == null ? "none left" : next.length));
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
        next = null;
    }
}
