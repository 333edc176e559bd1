package org.fenghuo.crypto.keys;

/** What a keystore entry is for; the first part of its alias ({@code <purpose>:<id>:<version>}). */
public enum KeyPurpose {
    /** SM4 key-encryption key: wraps the data keys; protected by the keystore passphrase. */
    KEK("kek", "SM4-128"),
    /** SM4 data key, stored only wrapped by a KEK; seals field values. */
    DATA("data", "SM4-128"),
    /** HMAC-SM3 key of the blind index; one version, kept across data-key rotations. */
    BLIND_INDEX("blind-index", "HMAC-SM3-256"),
    /** SM2 key pair that signs the audit trail's checkpoints, with a self-signed SM3withSM2 certificate. */
    SIGNING("signing", "SM2-sm2p256v1");

    private final String label;
    private final String algorithm;

    KeyPurpose(String label, String algorithm) {
        this.label = label;
        this.algorithm = algorithm;
    }

    public String label() {
        return label;
    }

    public String algorithm() {
        return algorithm;
    }

    static KeyPurpose ofLabel(String label) {
        for (KeyPurpose p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        return null;
    }
}
