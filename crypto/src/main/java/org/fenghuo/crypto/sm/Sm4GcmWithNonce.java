package org.fenghuo.crypto.sm;

import java.util.HashSet;
import java.util.Set;
import org.fenghuo.crypto.CryptoFailure;

/**
 * SM4-GCM with a 96-bit nonce the caller supplies, for RFC 8998 (TLS 1.3 with SM4), test vectors
 * and peers that choose the nonce. The output is {@code ciphertext || tag (16)}, without the nonce.
 *
 * <p>A GCM nonce used twice under one key gives away the authentication key, so this class
 * remembers every nonce it has sealed with and refuses a repeat with {@code NONCE_REUSED}. The
 * record is per instance: keep exactly one instance per key. Memory is bounded: after
 * {@value #MAX_NONCES} seals (about 4 MiB of record) the instance refuses every further seal,
 * also with {@code NONCE_REUSED}, since it can no longer prove a nonce fresh; switch to a new key
 * then. Opening never records nonces and has no limit. Prefer {@link Sm4Gcm} (random nonces)
 * for anything Fenghuo chooses itself.
 */
public final class Sm4GcmWithNonce {

    public static final int KEY_BYTES = Sm4Keys.KEY_BYTES;
    public static final int NONCE_BYTES = Sm4GcmCore.NONCE_BYTES;
    public static final int TAG_BYTES = Sm4GcmCore.TAG_BYTES;
    /** Seals one instance accepts before it must be replaced by one with a new key. */
    public static final int MAX_NONCES = 1 << 16;

    private final Sm4GcmCore core;
    private final Set<Nonce> used = new HashSet<>();

    public Sm4GcmWithNonce(byte[] key) {
        this.core = new Sm4GcmCore(key);
    }

    /**
     * @throws CryptoFailure {@code NONCE_REUSED} when this instance already sealed with {@code nonce}
     *     or has sealed {@value #MAX_NONCES} messages; {@code MALFORMED_INPUT} for a nonce that is not 12 bytes
     */
    public synchronized byte[] seal(byte[] nonce, byte[] plaintext, byte[] aad) {
        Nonce n = Nonce.of(nonce);
        if (used.contains(n)) {
            throw new CryptoFailure(CryptoFailure.Reason.NONCE_REUSED, "this nonce was already used with this SM4-GCM key");
        }
        if (used.size() >= MAX_NONCES) {
            throw new CryptoFailure(CryptoFailure.Reason.NONCE_REUSED, "nonce record full after " + MAX_NONCES
                    + " seals: freshness can no longer be checked, use a new key");
        }
        used.add(n);
        return core.seal(nonce, plaintext, aad, 0);
    }

    /** Opens {@code ciphertext || tag}; a nonce may be opened any number of times. */
    public synchronized byte[] open(byte[] nonce, byte[] sealed, byte[] aad) {
        Nonce.of(nonce);
        if (sealed == null || sealed.length < TAG_BYTES) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                    "SM4-GCM ciphertext shorter than the tag (" + (sealed == null ? 0 : sealed.length) + " bytes)");
        }
        return core.open(nonce, sealed, 0, sealed.length, aad);
    }

    /** 96 bits as two numbers: a quarter of the memory of a wrapped array per entry. */
    private record Nonce(long high, int low) {
        static Nonce of(byte[] nonce) {
            if (nonce == null || nonce.length != NONCE_BYTES) {
                throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT,
                        "SM4-GCM nonce must be " + NONCE_BYTES + " bytes, got " + (nonce == null ? "none" : nonce.length));
            }
            long high = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (nonce[i] & 0xFF);
            }
            int low = 0;
            for (int i = 8; i < 12; i++) {
                low = (low << 8) | (nonce[i] & 0xFF);
            }
            return new Nonce(high, low);
        }
    }
}
