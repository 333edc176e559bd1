package org.fenghuo.crypto.audit;

import java.security.PublicKey;

/**
 * Where the trail gets its checkpoint signing keys. The keystore of {@code keys/} implements
 * this with its versioned SM2 signing keys; {@link InMemorySigningKeys} is for tests and demos.
 * Implementations must be safe for concurrent reads.
 */
public interface SigningKeys {

    /** The key new checkpoints are signed with (the newest version). */
    CheckpointKey current();

    /**
     * The public half of a key version, current or retired.
     *
     * @throws org.fenghuo.crypto.CryptoFailure with {@code MISSING_KEY} when there is no such key
     */
    PublicKey publicKey(String id, int version);
}
