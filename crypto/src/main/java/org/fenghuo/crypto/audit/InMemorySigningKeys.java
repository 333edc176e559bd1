package org.fenghuo.crypto.audit;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm2;

/** Signing keys held only in memory: for tests, benchmarks and the all-in-one demo. */
public final class InMemorySigningKeys implements SigningKeys {

    private final String id;
    private final SecureRandom random;
    private final List<CheckpointKey> versions = new ArrayList<>();

    public InMemorySigningKeys(String id, SecureRandom random) {
        this.id = id;
        this.random = random;
        rotate();
    }

    /** Adds a new SM2 key version and makes it current; older versions still verify. */
    public synchronized CheckpointKey rotate() {
        CheckpointKey key = new CheckpointKey(id, versions.size() + 1, Sm2.generateKeyPair(random));
        versions.add(key);
        return key;
    }

    @Override
    public synchronized CheckpointKey current() {
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized PublicKey publicKey(String keyId, int version) {
        if (!id.equals(keyId) || version < 1 || version > versions.size()) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "no signing key " + keyId + " v" + version);
        }
        return versions.get(version - 1).keyPair().getPublic();
    }
}
