package org.fenghuo.crypto.audit;

/**
 * What {@link AuditVerifier} found.
 *
 * @param entriesChecked         entries that passed every check before the first failure (all of them when ok)
 * @param recordsChecked         of those, records
 * @param checkpointsVerified    of those, checkpoints whose signature verified
 * @param lastSequence           sequence of the last good entry, 0 for none
 * @param lastCheckpointSequence sequence of the last verified checkpoint, 0 for none
 * @param unsignedTail           good entries after the last verified checkpoint: nothing proves they were not
 *                               appended, changed or cut off by someone able to recompute SM3
 * @param trailId                the trail id named by the first entry, null when not read
 * @param head                   sequence and hash of the last good entry, null for none: an anchor for a later
 *                               {@code --expect-head}
 * @param failure                the first bad entry, or null when the trail verified
 */
public record VerificationReport(long entriesChecked, long recordsChecked, int checkpointsVerified, long lastSequence,
                                 long lastCheckpointSequence, long unsignedTail, TrailId trailId, ChainHead head,
                                 VerificationFailure failure) {

    public boolean ok() {
        return failure == null;
    }
}
