package org.fenghuo.crypto.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm4Gcm;

/**
 * A data key sealed under a KEK with SM4-GCM, as stored in the keystore:
 * {@code format (1) || KEK version (4) || created epoch ms (4+4) || nonce || ciphertext || tag}.
 * The header and the data key's id and version are the associated data, so a wrapped key renamed,
 * re-dated or attributed to another KEK no longer unwraps. The creation time lives here because
 * the keystore resets an entry's date whenever it is rewritten (as a KEK rotation does).
 */
final class WrappedDataKey {

    static final byte FORMAT = 1;
    static final int HEADER_BYTES = 1 + 4 + 8;

    private WrappedDataKey() {
    }

    /** An unwrapped data key with what its wrapping recorded. */
    record Unwrapped(DataKey key, int kekVersion, Instant created) {
    }

    static byte[] wrap(DataKey key, Instant created, int kekVersion, byte[] kek, SecureRandom random) {
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).putInt(kekVersion).putLong(created.toEpochMilli()).array();
        byte[] material = key.material();
        try {
            byte[] sealed = new Sm4Gcm(kek, random).seal(material, aad(header, key.id(), key.version()));
            return ByteBuffer.allocate(HEADER_BYTES + sealed.length).put(header).put(sealed).array();
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** The KEK version a wrapped key names, to look the KEK up before {@link #unwrap}. */
    static int kekVersion(byte[] wrapped, EntryAlias alias) {
        checkShape(wrapped, alias);
        return ByteBuffer.wrap(wrapped, 1, 4).getInt();
    }

    /**
     * @param keks the KEK of a version, or null when the keystore lacks it
     * @throws CryptoFailure MISSING_KEY when the KEK is absent, AUTHENTICATION_FAILED when it does not open
     */
    static Unwrapped unwrap(byte[] wrapped, EntryAlias alias, IntFunction<byte[]> keks) {
        int kekVersion = kekVersion(wrapped, alias);
        byte[] kek = keks.apply(kekVersion);
        if (kek == null) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY,
                    "data key " + alias + " is wrapped by KEK v" + kekVersion + ", which the keystore does not hold");
        }
        byte[] header = Arrays.copyOf(wrapped, HEADER_BYTES);
        byte[] material = new Sm4Gcm(kek, new SecureRandom())
                .open(Arrays.copyOfRange(wrapped, HEADER_BYTES, wrapped.length), aad(header, alias.id(), alias.version()));
        try {
            return new Unwrapped(new DataKey(alias.id(), alias.version(), material), kekVersion, created(wrapped));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** When the data key was made (authenticated only once it is unwrapped). */
    static Instant created(byte[] wrapped) {
        return Instant.ofEpochMilli(ByteBuffer.wrap(wrapped, 5, 8).getLong());
    }

    private static void checkShape(byte[] wrapped, EntryAlias alias) {
        int expected = HEADER_BYTES + Sm4Gcm.NONCE_BYTES + Sm4Gcm.KEY_BYTES + Sm4Gcm.TAG_BYTES;
        if (wrapped.length != expected || wrapped[0] != FORMAT) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_KEY, "keystore entry " + alias
                    + " is not a wrapped data key of format " + FORMAT + " (" + wrapped.length + " bytes)");
        }
    }

    private static byte[] aad(byte[] header, String id, int version) {
        byte[] name = ("|" + id + "|" + version).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + name.length).put(header).put(name).array();
    }
}
