package org.fenghuo.crypto.pii;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * The random source a protector's envelope draws its SM4-GCM nonces from: the caller's
 * {@link SecureRandom}, asked for {@value #BATCH_BYTES} bytes at a time and handed out in the
 * sizes asked for (12 bytes per nonce). Every byte is still the caller's generator's output, used
 * once; no new generator is built on top of it. Why: a JDK {@code NativePRNG} call costs about
 * 0.1 µs plus a process-wide lock on {@code /dev/urandom} whatever its size, and a protector asks for one per
 * sealed value, so one call serves 64 nonces and protectors on several threads stop contending.
 * The bytes not yet used live only in this protector's memory, next to the data keys it already
 * holds; they are zeroed as they are handed out. Not thread-safe beyond what
 * {@link SecureRandom#nextBytes} itself locks: one per protector.
 */
final class NonceSource extends SecureRandomSpi {

    private static final long serialVersionUID = 1L;
    static final int BATCH_BYTES = 768;

    private final transient SecureRandom source;
    private final byte[] batch = new byte[BATCH_BYTES];
    private int next = BATCH_BYTES;

    private NonceSource(SecureRandom source) {
        this.source = source;
    }

    /** A {@link SecureRandom} serving {@code source}'s bytes in batches. */
    static SecureRandom over(SecureRandom source) {
        return new Batched(new NonceSource(source));
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
        if (bytes.length > BATCH_BYTES / 4) {
            source.nextBytes(bytes);
            return;
        }
        if (bytes.length > BATCH_BYTES - next) {
            source.nextBytes(batch);
            next = 0;
        }
        System.arraycopy(batch, next, bytes, 0, bytes.length);
        java.util.Arrays.fill(batch, next, next + bytes.length, (byte) 0);
        next += bytes.length;
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
        source.setSeed(seed);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
        return source.generateSeed(numBytes);
    }

    /** Reaches {@link SecureRandom}'s protected constructor that takes an SPI. */
    private static final class Batched extends SecureRandom {
        private static final long serialVersionUID = 1L;

        Batched(NonceSource spi) {
            super(spi, null);
        }
    }
}
