package org.fenghuo.crypto.keys;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm4Gcm;

/** A key ring held only in memory: for tests, benchmarks and the all-in-one demo. */
public final class InMemoryKeyRing implements KeyRing {

    private final String id;
    private final SecureRandom random;
    private final byte[] blindIndexKey;
    private final List<DataKey> versions = new ArrayList<>();

    public InMemoryKeyRing(String id, SecureRandom random) {
        this.id = id;
        this.random = random;
        this.blindIndexKey = new byte[32];
        random.nextBytes(blindIndexKey);
        rotate();
    }

    /** Adds a new data-key version and makes it current; older versions still open. */
    public synchronized DataKey rotate() {
        byte[] material = new byte[Sm4Gcm.KEY_BYTES];
        random.nextBytes(material);
        DataKey key = new DataKey(id, versions.size() + 1, material);
        versions.add(key);
        return key;
    }

    @Override
    public synchronized DataKey currentDataKey() {
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized DataKey dataKey(String keyId, int version) {
        if (!id.equals(keyId) || version < 1 || version > versions.size()) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "no data key " + keyId + " v" + version);
        }
        return versions.get(version - 1);
    }

    @Override
    public byte[] blindIndexKey() {
        return blindIndexKey.clone();
    }
}
