package org.fenghuo.crypto.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.VerificationFailure.Reason;
import org.fenghuo.crypto.sm.Sm2;

/**
 * Checks a whole trail in storage order and names the first bad entry: each entry must parse,
 * hash to its stored hash, carry the next sequence number and the hash of the entry before it
 * (genesis for the first), the first must name the trail id, each checkpoint must be signed by a
 * trusted key over that trail id (never by an older version of a key than an earlier checkpoint),
 * and no run of unsigned records may be longer than the {@link CheckpointPolicy} lets the writer
 * leave (see {@link RunPolicy}). When the sequence or chain breaks, the rest of the trail is
 * searched to tell a deletion, an insertion and a reordering apart. Entries are read one at a
 * time: memory does not grow with the trail.
 */
public final class AuditVerifier {

    /**
     * @param requireSignedTail   fail ({@link Reason#UNSIGNED_TAIL}) when any record follows the last checkpoint
     * @param minimumLastSequence fail ({@link Reason#TRAIL_TOO_SHORT}) when the trail ends before this sequence
     *                            (an anchor kept elsewhere, e.g. the last sequence of a copy); 0 for none
     * @param policy              the writer's checkpoint policy: the most unsigned records (and record time) allowed
     *                            between checkpoints and after the last one
     * @param expectedHead        an anchor kept elsewhere: the trail must hold this entry, with this hash; null for none
     * @param expectedTrailId     the trail must be this one ({@link Reason#WRONG_TRAIL}); null to accept any
     */
    public record Options(boolean requireSignedTail, long minimumLastSequence, CheckpointPolicy policy,
                          ChainHead expectedHead, TrailId expectedTrailId) {
        /** No anchor, the default checkpoint policy. */
        public static final Options DEFAULT = new Options(false, 0);

        public Options {
            Objects.requireNonNull(policy, "policy");
        }

        public Options(boolean requireSignedTail, long minimumLastSequence) {
            this(requireSignedTail, minimumLastSequence, CheckpointPolicy.DEFAULT, null, null);
        }

        public Options withPolicy(CheckpointPolicy newPolicy) {
            return new Options(requireSignedTail, minimumLastSequence, newPolicy, expectedHead, expectedTrailId);
        }

        public Options withExpectedHead(ChainHead head) {
            return new Options(requireSignedTail, minimumLastSequence, policy, head, expectedTrailId);
        }

        public Options withExpectedTrailId(TrailId id) {
            return new Options(requireSignedTail, minimumLastSequence, policy, expectedHead, id);
        }
    }

    private final VerificationKeys keys;
    private final Options options;

    public AuditVerifier(VerificationKeys keys, Options options) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.options = Objects.requireNonNull(options, "options");
    }

    public AuditVerifier(VerificationKeys keys) {
        this(keys, Options.DEFAULT);
    }

    public VerificationReport verify(AuditStore store) throws IOException {
        try (StoredEntries entries = store.entries()) {
            return verify(entries);
        }
    }

    public VerificationReport verify(List<StoredEntry> stored) {
        try {
            return verify(StoredEntries.of(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // entries in memory cannot fail to read
        }
    }

    /** Verifies entries as they are read; does not close {@code entries}. */
    public VerificationReport verify(StoredEntries entries) throws IOException {
        EntryLookahead trail = new EntryLookahead(entries);
        Walk walk = new Walk(new RunPolicy(options.policy()));
        for (ParsedEntry p = trail.next(); p != null; p = trail.next()) {
            VerificationFailure failure = check(trail, p, walk);
            if (failure == null && p.entry() instanceof AuditCheckpoint c) {
                failure = checkpoint(p, c, walk);
            }
            if (failure == null) {
                failure = walk.accept(p, options);
            }
            if (failure != null) {
                return walk.report(walk.runs.earlier(failure));
            }
        }
        return walk.report(endOfTrail(trail, walk));
    }

    private VerificationFailure check(EntryLookahead trail, ParsedEntry p, Walk walk) throws IOException {
        if (!p.stored().complete()) {
            return p.fail(Reason.TRUNCATED_ENTRY, "the entry stops before its end of line: cut off mid-write or truncated");
        }
        if (p.entry() == null) {
            return p.fail(Reason.MALFORMED_ENTRY, p.problem());
        }
        AuditEntry x = p.entry();
        if (!AuditEncoding.hashMatches(x)) {
            return p.fail(Reason.HASH_MISMATCH, "the content does not hash to the stored hash: the entry was modified");
        }
        long expected = walk.nextSequence;
        if (x.sequence() == expected) {
            return x.previousHash().equals(walk.head) ? forkAhead(trail, p, walk) : brokenLink(trail, p, walk);
        }
        if (x.sequence() < expected) {
            if (x.sequence() == expected - 1 && x.previousHash().equals(walk.headBefore)) {
                return p.fail(Reason.INSERTED_ENTRY, "a second entry with sequence " + x.sequence() + " chained to the same"
                        + " predecessor as " + walk.lastLocation + ": one of the two was inserted, this one continues nothing");
            }
            return p.fail(Reason.REORDERED, "sequence " + x.sequence() + " stored after sequence " + (expected - 1)
                    + " (" + walk.lastLocation + ")");
        }
        return gap(trail, p, walk);
    }

    /** {@code x} fits; but if the next entry claims the same place and the chain goes on from it, x is the forgery. */
    private static VerificationFailure forkAhead(EntryLookahead trail, ParsedEntry p, Walk walk) throws IOException {
        AuditEntry y = trail.peek(1);
        AuditEntry z = trail.peek(2);
        AuditEntry x = p.entry();
        if (y != null && y.sequence() == x.sequence() && y.previousHash().equals(walk.head) && z != null
                && z.previousHash().equals(y.hash())) {
            return p.fail(Reason.INSERTED_ENTRY, "the chain continues from the other entry with sequence "
                    + x.sequence() + " (the next one stored), not from this one");
        }
        return null;
    }

    private static VerificationFailure brokenLink(EntryLookahead trail, ParsedEntry p, Walk walk) throws IOException {
        AuditEntry y = trail.peek(1);
        if (y != null && y.sequence() == p.entry().sequence() && y.previousHash().equals(walk.head)) {
            return p.fail(Reason.INSERTED_ENTRY, "chains to nothing, and the next entry holds sequence "
                    + p.entry().sequence() + " with the right link");
        }
        String before = walk.lastLocation == null ? "the genesis value" : walk.lastLocation + " (sequence "
                + (walk.nextSequence - 1) + ")";
        return p.fail(Reason.CHAIN_BROKEN, "does not carry the hash of " + before
                + ": that entry or this one was modified and re-hashed");
    }

    /** Reads the rest of the trail (keeping nothing but what it looks for) to tell deletion, insertion and reordering apart. */
    private static VerificationFailure gap(EntryLookahead trail, ParsedEntry p, Walk walk) throws IOException {
        long expected = walk.nextSequence;
        String found = null;
        boolean belongsLater = false;
        for (ParsedEntry q = trail.next(); q != null; q = trail.next()) {
            AuditEntry e = q.entry();
            if (e == null) {
                continue;
            }
            if (found == null && e.sequence() == expected) {
                found = q.stored().location();
            }
            belongsLater |= e.hash().equals(p.entry().previousHash());
        }
        if (found == null) {
            return p.fail(Reason.MISSING_ENTRY, (p.entry().sequence() - expected == 1 ? "sequence " + expected
                    : "sequences " + expected + ".." + (p.entry().sequence() - 1)) + " missing before this entry: deleted");
        }
        if (belongsLater) {
            return p.fail(Reason.REORDERED, "sequence " + p.entry().sequence() + " stored before sequence " + expected
                    + " (" + found + ")");
        }
        return p.fail(Reason.INSERTED_ENTRY, "claims sequence " + p.entry().sequence() + " but chains to no entry after it;"
                + " sequence " + expected + " follows at " + found);
    }

    private VerificationFailure checkpoint(ParsedEntry p, AuditCheckpoint c, Walk walk) {
        if (walk.trailId == null) {
            return p.fail(Reason.MISSING_TRAIL_ID, "a checkpoint before the trail start record");
        }
        Optional<PublicKey> key = keys.find(c.keyId(), c.keyVersion(), c.keyFingerprint());
        if (key.isEmpty()) {
            return p.fail(Reason.UNKNOWN_SIGNING_KEY, "signed by key " + c.keyId() + " v" + c.keyVersion()
                    + " (fingerprint " + c.keyFingerprint() + "), which is not among the trusted keys");
        }
        boolean valid;
        try {
            valid = Sm2.verify(key.get(), AuditEncoding.signedMessage(walk.trailId, c), c.signature());
        } catch (CryptoFailure | IllegalArgumentException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            return p.fail(Reason.BAD_SIGNATURE, "the SM2 signature does not verify under trusted key " + c.keyId() + " v"
                    + c.keyVersion() + " for trail " + walk.trailId + ": forged or altered, or from another trail");
        }
        Integer newest = walk.newestKeyVersion.get(c.keyId());
        if (newest != null && c.keyVersion() < newest) {
            return p.fail(Reason.KEY_ROLLBACK, "signed with key " + c.keyId() + " v" + c.keyVersion() + " after an earlier"
                    + " checkpoint was signed with v" + newest + ": a retired key signed again");
        }
        return null;
    }

    private VerificationFailure endOfTrail(EntryLookahead trail, Walk walk) {
        long last = walk.nextSequence - 1;
        ChainHead anchor = options.expectedHead();
        long minimum = Math.max(options.minimumLastSequence(), anchor == null ? 0 : anchor.sequence());
        if (last < minimum) {
            return new VerificationFailure(trail.lastPosition() + 1, "end of trail", -1, Reason.TRAIL_TOO_SHORT,
                    "the trail ends at sequence " + last + ", expected at least " + minimum + ": its tail was cut off");
        }
        VerificationFailure overdue = walk.runs.atEnd();
        if (overdue != null) {
            return overdue;
        }
        if (options.requireSignedTail() && walk.runs.records() > 0) {
            return walk.runs.firstUnsigned(Reason.UNSIGNED_TAIL, walk.runs.records()
                    + " records after the last checkpoint (sequence " + walk.lastCheckpoint + ") are not signed");
        }
        return null;
    }

    /** Walk state: the chain as accepted so far. */
    private static final class Walk {
        final RunPolicy runs;
        final Map<String, Integer> newestKeyVersion = new HashMap<>();
        TrailId trailId;
        long nextSequence = 1;
        String head = AuditEncoding.GENESIS_HEX;
        String headBefore;
        String lastLocation;
        long entries;
        long records;
        int checkpoints;
        long lastCheckpoint;

        Walk(RunPolicy runs) {
            this.runs = runs;
        }

        /** Takes a checked entry into the chain; a failure when it breaks the trail id, the anchor or the policy. */
        VerificationFailure accept(ParsedEntry p, Options options) {
            AuditEntry x = p.entry();
            if (x.sequence() == 1) {
                trailId = TrailId.of(x);
                if (trailId == null) {
                    return p.fail(Reason.MISSING_TRAIL_ID, "the first entry is not a trail start record ("
                            + TrailId.START_ACTION + " with a " + TrailId.DETAIL + "): not a trail of this version, or forged");
                }
                if (options.expectedTrailId() != null && !options.expectedTrailId().equals(trailId)) {
                    return p.fail(Reason.WRONG_TRAIL, "trail " + trailId + ", expected " + options.expectedTrailId()
                            + ": a trail from another installation");
                }
            }
            ChainHead anchor = options.expectedHead();
            if (anchor != null && x.sequence() == anchor.sequence() && !AuditEncoding.sameHash(x.hash(), anchor.hash())) {
                return p.fail(Reason.HEAD_MISMATCH, "hash " + x.hash() + ", expected " + anchor.hash()
                        + " (the anchor given): the trail was rewritten since the anchor was noted");
            }
            VerificationFailure overdue;
            if (x instanceof AuditCheckpoint c) {
                overdue = runs.checkpoint();
                checkpoints++;
                lastCheckpoint = c.sequence();
                newestKeyVersion.merge(c.keyId(), c.keyVersion(), Math::max);
            } else {
                overdue = runs.record(p);
                records++;
            }
            entries++;
            headBefore = head;
            head = x.hash();
            nextSequence = x.sequence() + 1;
            lastLocation = p.stored().location();
            return overdue;
        }

        VerificationReport report(VerificationFailure failure) {
            return new VerificationReport(entries, records, checkpoints, nextSequence - 1, lastCheckpoint, runs.records(),
                    trailId, entries == 0 ? null : new ChainHead(nextSequence - 1, head), failure);
        }
    }
}
