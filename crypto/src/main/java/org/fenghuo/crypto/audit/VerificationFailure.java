package org.fenghuo.crypto.audit;

import java.util.Objects;

/**
 * The first entry of a trail that is not what the writer wrote, and why.
 *
 * @param position line number (file) or document id (Elasticsearch) of the bad entry; for
 *                 {@link Reason#TRAIL_TOO_SHORT} one past the last entry
 * @param location how a person finds it, e.g. {@code line 7}
 * @param sequence the sequence the entry claims, or -1 when it could not be read
 * @param reason   one of a closed set
 * @param detail   what exactly is wrong, naming sequences and locations
 */
public record VerificationFailure(long position, String location, long sequence, Reason reason, String detail) {

    /** Every way a trail can fail verification. */
    public enum Reason {
        /** Not a well-formed entry: broken JSON, a missing, extra or wrongly typed field, bad UTF-8. */
        MALFORMED_ENTRY,
        /** The last line stops before its newline: cut off mid-write or truncated. */
        TRUNCATED_ENTRY,
        /** The content does not hash to the stored hash: the entry was modified. */
        HASH_MISMATCH,
        /** The entry does not carry the hash of the entry before it: one of the two was modified and re-hashed. */
        CHAIN_BROKEN,
        /** Sequence numbers jump and the skipped ones are nowhere in the trail: entries were deleted. */
        MISSING_ENTRY,
        /** An entry that fits nowhere in the chain (a second entry for one sequence, or a stranger): forged. */
        INSERTED_ENTRY,
        /** An entry that belongs elsewhere in the chain is stored here: entries were moved or swapped. */
        REORDERED,
        /** A checkpoint whose SM2 signature does not verify under the trusted key it names: forged. */
        BAD_SIGNATURE,
        /** A checkpoint naming a key the verifier does not trust. */
        UNKNOWN_SIGNING_KEY,
        /**
         * Records after the last verified checkpoint beyond what the checkpoint policy allows (more
         * records, or more record time, than the writer leaves unsigned), or any at all when the
         * verifier was told to require a signed tail: signed history may have been rewritten unsigned.
         */
        UNSIGNED_TAIL,
        /**
         * More records, or more record time, between two checkpoints than the policy allows: checkpoints
         * were removed (and the records re-chained), or the writer's policy is looser than the verifier's.
         */
        CHECKPOINT_OVERDUE,
        /** A checkpoint signed with an older version of a key than an earlier checkpoint: a retired key signing again. */
        KEY_ROLLBACK,
        /** The trail ends before the sequence the verifier was told to expect: its tail was cut off. */
        TRAIL_TOO_SHORT,
        /** The entry at the expected head's sequence does not have the expected hash: history was rewritten. */
        HEAD_MISMATCH,
        /** The first entry is not a trail start record naming the trail id. */
        MISSING_TRAIL_ID,
        /** The trail names another trail id than the one the verifier was told to expect: another installation's trail. */
        WRONG_TRAIL
    }

    public VerificationFailure {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return reason + " at " + location + (sequence > 0 ? " (sequence " + sequence + ")" : "") + ": " + detail;
    }
}
