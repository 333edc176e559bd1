package org.fenghuo.crypto.audit;

import java.security.KeyPair;
import java.util.Objects;

/** The SM2 key pair checkpoints are signed with, as the keystore names it. Never prints the private key. */
public record CheckpointKey(String id, int version, KeyPair keyPair) {

    public CheckpointKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyPair, "keyPair");
        if (version < 1) {
            throw new IllegalArgumentException("key version must be >= 1: " + version);
        }
    }

    public String fingerprint() {
        return AuditEncoding.fingerprint(keyPair.getPublic());
    }

    @Override
    public String toString() {
        return "CheckpointKey[" + id + " v" + version + "]";
    }
}
