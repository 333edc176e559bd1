package org.fenghuo.crypto.keys;

import java.util.Objects;
import java.util.regex.Pattern;
import org.fenghuo.crypto.sm.Sm4Gcm;

/**
 * One version of a data-encryption key (SM4, 128 bit). The id and version travel in every
 * ciphertext header; the material never leaves the process in clear.
 */
public record DataKey(String id, int version, byte[] material) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public DataKey {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key id must be 1-64 of [A-Za-z0-9._-]: " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("key version must be >= 1: " + version);
        }
        if (material == null || material.length != Sm4Gcm.KEY_BYTES) {
            throw new IllegalArgumentException("data key material must be " + Sm4Gcm.KEY_BYTES + " bytes");
        }
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** Never prints the material. */
    @Override
    public String toString() {
        return "DataKey[" + id + " v" + version + "]";
    }
}
