package org.fenghuo.crypto.keys;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fenghuo.crypto.CryptoFailure;

/**
 * The key ring of a {@link Keystore}: every data-key version unwrapped once, at open, plus the
 * blind-index key. An immutable snapshot, safe for concurrent reads; after a rotation open the
 * keystore again to see the new version.
 */
public final class KeystoreKeyRing implements KeyRing {

    private final Map<String, DataKey> keys;
    private final DataKey current;
    private final byte[] blindIndexKey;

    KeystoreKeyRing(List<DataKey> dataKeys, byte[] blindIndexKey) {
        if (dataKeys.isEmpty()) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "the keystore holds no data key");
        }
        this.keys = dataKeys.stream().collect(Collectors.toUnmodifiableMap(k -> name(k.id(), k.version()), Function.identity()));
        DataKey newest = dataKeys.get(0);
        for (DataKey k : dataKeys) {
            if (k.version() > newest.version()) {
                newest = k;
            }
        }
        this.current = newest;
        this.blindIndexKey = blindIndexKey.clone();
    }

    /** Opens the keystore at {@code path} and takes its key ring. */
    public static KeystoreKeyRing open(Path path, KeystorePassphrase passphrase) {
        return Keystore.open(path, passphrase).keyRing();
    }

    @Override
    public DataKey currentDataKey() {
        return current;
    }

    @Override
    public DataKey dataKey(String id, int version) {
        DataKey key = keys.get(name(id, version));
        if (key == null) {
            throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "no data key " + id + " v" + version
                    + " in the keystore (it holds " + current.id() + " v1-v" + current.version() + ")");
        }
        return key;
    }

    @Override
    public byte[] blindIndexKey() {
        return blindIndexKey.clone();
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "KeystoreKeyRing[" + current.id() + " current v" + current.version() + ", " + keys.size() + " versions]";
    }

    private static String name(String id, int version) {
        return id + ':' + version;
    }
}
