package org.fenghuo.crypto.audit;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.SigningKey;

/**
 * The keystore's versioned SM2 signing keys as the audit trail's {@link SigningKeys}: a snapshot
 * taken when built, so a rotation is seen after the keystore is reopened.
 */
public final class KeystoreSigningKeys implements SigningKeys {

    private final List<SigningKey> versions;
    private final CheckpointKey current;

    public KeystoreSigningKeys(Keystore keystore) {
        this.versions = List.copyOf(keystore.signingKeys());
        SigningKey newest = keystore.currentSigningKey();
        this.current = new CheckpointKey(newest.id(), newest.version(), new KeyPair(newest.publicKey(), newest.privateKey()));
    }

    @Override
    public CheckpointKey current() {
        return current;
    }

    @Override
    public PublicKey publicKey(String id, int version) {
        for (SigningKey k : versions) {
            if (k.id().equals(id) && k.version() == version) {
                return k.publicKey();
            }
        }
        throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "no signing key " + id + " v" + version + " in the keystore");
    }
}
