package org.fenghuo.crypto.audit;

import java.security.PublicKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fenghuo.crypto.CryptoFailure;

/**
 * The public keys a verifier trusts, looked up by what a checkpoint names. A checkpoint whose
 * key is not found is reported as signed by an unknown key; one whose key is found but whose
 * signature does not verify, as forged.
 */
@FunctionalInterface
public interface VerificationKeys {

    /** The trusted key for this id, version and fingerprint (as the checkpoint claims them), if any. */
    Optional<PublicKey> find(String keyId, int keyVersion, String keyFingerprint);

    /** Keys named by id and version: the map key is {@code id + ":" + version}. */
    static VerificationKeys byIdAndVersion(Map<String, PublicKey> keys) {
        Map<String, PublicKey> copy = Map.copyOf(keys);
        return (id, version, fingerprint) -> Optional.ofNullable(copy.get(id + ":" + version));
    }

    /** Bare public keys (e.g. PEM files without a name), matched by their SM3 fingerprint. */
    static VerificationKeys byFingerprint(Collection<PublicKey> keys) {
        Map<String, PublicKey> byPrint = new HashMap<>();
        keys.forEach(k -> byPrint.put(AuditEncoding.fingerprint(k), k));
        return (id, version, fingerprint) -> Optional.ofNullable(byPrint.get(fingerprint));
    }

    /** The public keys of a keystore. */
    static VerificationKeys of(SigningKeys keys) {
        return (id, version, fingerprint) -> {
            try {
                return Optional.of(keys.publicKey(id, version));
            } catch (CryptoFailure e) {
                if (e.reason() == CryptoFailure.Reason.MISSING_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
        };
    }

    /** This lookup, then {@code other}. */
    default VerificationKeys or(VerificationKeys other) {
        return (id, version, fingerprint) -> {
            Optional<PublicKey> found = find(id, version, fingerprint);
            return found.isPresent() ? found : other.find(id, version, fingerprint);
        };
    }
}
