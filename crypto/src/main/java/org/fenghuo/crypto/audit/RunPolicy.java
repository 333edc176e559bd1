package org.fenghuo.crypto.audit;

import java.time.Duration;
import java.time.Instant;
import org.fenghuo.crypto.audit.VerificationFailure.Reason;

/**
 * The verifier's side of the {@link CheckpointPolicy}: a run of unsigned records (between two
 * checkpoints, or after the last) may hold at most {@code everyRecords} records, and every record
 * of it but the last must lie within {@code everyDuration} of its first in record time, because
 * {@link AuditTrail} signs as soon as either bound is reached. A longer run means checkpoints were
 * removed and the records between re-chained (an attacker without the key rewriting signed
 * history as unsigned), or that the writer ran with a looser policy than the one given here.
 *
 * <p>The first record that breaks the bound is remembered and reported when the run ends: as
 * {@link Reason#CHECKPOINT_OVERDUE} when a checkpoint closes it, otherwise (end of trail, or a
 * later failure) as {@link Reason#UNSIGNED_TAIL}.
 */
final class RunPolicy {
    private final CheckpointPolicy policy;
    private long records;
    private Instant firstTime;
    private Instant lastTime;
    private ParsedEntry first;
    private VerificationFailure overdue;

    RunPolicy(CheckpointPolicy policy) {
        this.policy = policy;
    }

    /** Unsigned records in the current run. */
    long records() {
        return records;
    }

    VerificationFailure record(ParsedEntry p) {
        Instant time = p.entry().time();
        if (records == 0) {
            first = p;
            firstTime = time;
        } else if (overdue == null) {
            if (records >= policy.everyRecords()) {
                overdue = p.fail(Reason.UNSIGNED_TAIL, "record " + (records + 1) + " without a checkpoint since sequence "
                        + first.entry().sequence() + "; the policy signs every " + policy.everyRecords() + " records");
            } else if (!Duration.between(firstTime, lastTime).minus(policy.everyDuration()).isNegative()) {
                overdue = p.fail(Reason.UNSIGNED_TAIL, "no checkpoint after sequence " + (p.entry().sequence() - 1) + ", "
                        + Duration.between(firstTime, lastTime).toSeconds() + " s of record time after the unsigned run began"
                        + " at sequence " + first.entry().sequence() + "; the policy signs every "
                        + policy.everyDuration().toSeconds() + " s");
            }
        }
        records++;
        lastTime = time;
        return null;
    }

    /** A checkpoint closes the run: a failure when the run was longer than allowed. */
    VerificationFailure checkpoint() {
        VerificationFailure closed = overdue == null ? null : new VerificationFailure(overdue.position(),
                overdue.location(), overdue.sequence(), Reason.CHECKPOINT_OVERDUE, overdue.detail()
                + ": checkpoints were removed, or the writer's policy is looser than the one given (--max-unsigned)");
        records = 0;
        first = null;
        overdue = null;
        return closed;
    }

    /** At the end of the trail: a failure when the unsigned tail is longer than allowed. */
    VerificationFailure atEnd() {
        return overdue == null ? null : withTailAdvice(overdue);
    }

    /** The earlier of a pending overdue run and {@code failure}. */
    VerificationFailure earlier(VerificationFailure failure) {
        return overdue != null && overdue.position() < failure.position() ? withTailAdvice(overdue) : failure;
    }

    VerificationFailure firstUnsigned(Reason reason, String detail) {
        return first.fail(reason, detail);
    }

    private static VerificationFailure withTailAdvice(VerificationFailure f) {
        return new VerificationFailure(f.position(), f.location(), f.sequence(), Reason.UNSIGNED_TAIL, f.detail()
                + ", and no verified checkpoint follows: signed history may have been rewritten as unsigned records");
    }
}
