package org.fenghuo.crypto;

import java.util.Objects;

/**
 * Every way a cryptographic operation of Fenghuo can fail, as one unchecked exception with a
 * {@link Reason} callers can branch on. Messages name what is wrong and never carry plaintext,
 * key material or passphrases.
 */
public final class CryptoFailure extends RuntimeException {

    /** Why an operation failed. */
    public enum Reason {
        /** The tag or signature did not verify: wrong key, or the data was modified. */
        AUTHENTICATION_FAILED,
        /** Too short or structurally broken ciphertext, signature or header. */
        MALFORMED_INPUT,
        /** A caller-supplied nonce was already used with this key. */
        NONCE_REUSED,
        /** A key of the wrong size, curve or algorithm. */
        WRONG_KEY_TYPE,
        /** A PEM, PKCS#8, SPKI or certificate that cannot be parsed. */
        MALFORMED_KEY,
        /** A certificate or key of another algorithm than SM2/SM3. */
        WRONG_ALGORITHM,
        /** The key id or version named by a ciphertext or request is not in the keystore. */
        MISSING_KEY,
        /** The keystore passphrase is wrong or the keystore is damaged. */
        WRONG_PASSPHRASE,
        /** The caller is not allowed to perform the operation (e.g. reveal). */
        NOT_PERMITTED,
        /**
         * A data key has sealed as many values as its random nonces safely allow in this process
         * ({@code envelope.DataKeyUsage}): rotate it; values it sealed still open.
         */
        KEY_EXHAUSTED
    }

    private final Reason reason;

    public CryptoFailure(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message);
        this.reason = reason;
    }

    public CryptoFailure(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
