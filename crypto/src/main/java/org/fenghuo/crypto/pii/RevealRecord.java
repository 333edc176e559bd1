package org.fenghuo.crypto.pii;

import java.time.Instant;
import java.util.Set;
import org.fenghuo.crypto.CryptoFailure;

/**
 * One reveal attempt, for the audit trail: who, when, which document and field, the reason the
 * caller gave, and what happened. Never the plaintext or the sealed value.
 *
 * @param failure why a permitted reveal failed ({@code AUTHENTICATION_FAILED} for a tampered
 *                value), {@code NOT_PERMITTED} when refused, null when revealed
 */
public record RevealRecord(Instant at, String principal, Set<String> roles, String documentId, String field,
                           String reason, Outcome outcome, CryptoFailure.Reason failure) {

    /** What became of the attempt. */
    public enum Outcome {
        /** The plaintext was handed to the caller. */
        REVEALED,
        /** The caller is not permitted, or gave no reason. */
        REFUSED,
        /** Permitted, but the value did not open (tampered, wrong context, missing key). */
        FAILED
    }

    public RevealRecord {
        roles = Set.copyOf(roles);
    }
}
