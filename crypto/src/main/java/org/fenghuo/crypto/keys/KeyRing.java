package org.fenghuo.crypto.keys;

/**
 * The keys field protection needs, by purpose: the data key new ciphertexts are sealed with,
 * every older version that must still open, and the separate key of the blind index.
 * Implementations must be safe for concurrent reads.
 */
public interface KeyRing {

    /** The data key to seal new values with (the newest version). */
    DataKey currentDataKey();

    /**
     * The data key a ciphertext names.
     *
     * @throws org.fenghuo.crypto.CryptoFailure with {@code MISSING_KEY} when the keystore does not hold it
     */
    DataKey dataKey(String id, int version);

    /** HMAC-SM3 key of the blind index; stable across data-key rotations so searches keep working. */
    byte[] blindIndexKey();
}
