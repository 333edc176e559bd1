package org.fenghuo.crypto.pii.policy;

import java.util.Locale;

/** What happens to a personal field. */
public enum PiiAction {
    /** Sealed with SM4-GCM by {@code FieldEnvelope}; only a permitted caller can reveal it. */
    ENCRYPT,
    /** HMAC-SM3 of the normalised value in a sibling field, for search; never alone. */
    BLIND_INDEX,
    /** Replaced by its display mask. */
    MASK,
    /** Removed. */
    DROP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
