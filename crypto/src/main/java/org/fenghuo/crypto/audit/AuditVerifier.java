package org.fenghuo.crypto.audit;

import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.VerificationFailure.Reason;
import org.fenghuo.crypto.sm.Sm2;

/**
 * Checks a whole trail in storage order and names the first bad entry: each entry must parse,
 * hash to its stored hash, carry the next sequence number and the hash of the entry before it
 * (genesis for the first), and each checkpoint must be signed by a trusted key. When the
 * sequence or chain breaks, the rest of the trail is searched to tell a deletion, an insertion
 * and a reordering apart. The whole trail is held in memory.
 */
public final class AuditVerifier {

    /**
     * @param requireSignedTail   fail ({@link Reason#UNSIGNED_TAIL}) when entries follow the last checkpoint
     * @param minimumLastSequence fail ({@link Reason#TRAIL_TOO_SHORT}) when the trail ends before this sequence
     *                            (an anchor kept elsewhere, e.g. the last sequence of a copy); 0 for none
     */
    public record Options(boolean requireSignedTail, long minimumLastSequence) {
        public static final Options DEFAULT = new Options(false, 0);
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
        return verify(store.readAll());
    }

    public VerificationReport verify(List<StoredEntry> stored) {
        List<Parsed> trail = new ArrayList<>(stored.size());
        stored.forEach(s -> trail.add(Parsed.of(s)));
        Walk walk = new Walk();
        for (int i = 0; i < trail.size(); i++) {
            VerificationFailure failure = check(trail, i, walk);
            if (failure == null && trail.get(i).entry instanceof AuditCheckpoint c) {
                failure = checkpoint(trail.get(i), c);
            }
            if (failure != null) {
                return walk.report(failure);
            }
            walk.accept(trail.get(i));
        }
        return walk.report(endOfTrail(trail, walk));
    }

    private VerificationFailure check(List<Parsed> trail, int i, Walk walk) {
        Parsed p = trail.get(i);
        if (!p.stored.complete()) {
            return p.fail(Reason.TRUNCATED_ENTRY, "the entry stops before its end of line: cut off mid-write or truncated");
        }
        if (p.entry == null) {
            return p.fail(Reason.MALFORMED_ENTRY, p.problem);
        }
        AuditEntry x = p.entry;
        if (!AuditEncoding.hashMatches(x)) {
            return p.fail(Reason.HASH_MISMATCH, "the content does not hash to the stored hash: the entry was modified");
        }
        long expected = walk.nextSequence;
        if (x.sequence() == expected) {
            return x.previousHash().equals(walk.head) ? forkAhead(trail, i, walk) : brokenLink(trail, i, walk);
        }
        if (x.sequence() < expected) {
            if (x.sequence() == expected - 1 && x.previousHash().equals(walk.headBefore)) {
                return p.fail(Reason.INSERTED_ENTRY, "a second entry with sequence " + x.sequence() + " chained to the same"
                        + " predecessor as " + walk.lastLocation + ": one of the two was inserted, this one continues nothing");
            }
            return p.fail(Reason.REORDERED, "sequence " + x.sequence() + " stored after sequence " + (expected - 1)
                    + " (" + walk.lastLocation + ")");
        }
        return gap(trail, i, walk);
    }

    /** {@code x} fits; but if the next entry claims the same place and the chain goes on from it, x is the forgery. */
    private static VerificationFailure forkAhead(List<Parsed> trail, int i, Walk walk) {
        AuditEntry y = entryAt(trail, i + 1);
        AuditEntry z = entryAt(trail, i + 2);
        AuditEntry x = trail.get(i).entry;
        if (y != null && y.sequence() == x.sequence() && y.previousHash().equals(walk.head) && z != null
                && z.previousHash().equals(y.hash())) {
            return trail.get(i).fail(Reason.INSERTED_ENTRY, "the chain continues from the other entry with sequence "
                    + x.sequence() + " (" + trail.get(i + 1).stored.location() + "), not from this one");
        }
        return null;
    }

    private static VerificationFailure brokenLink(List<Parsed> trail, int i, Walk walk) {
        AuditEntry y = entryAt(trail, i + 1);
        Parsed p = trail.get(i);
        if (y != null && y.sequence() == p.entry.sequence() && y.previousHash().equals(walk.head)) {
            return p.fail(Reason.INSERTED_ENTRY, "chains to nothing, and the next entry holds sequence "
                    + p.entry.sequence() + " with the right link");
        }
        String before = walk.lastLocation == null ? "the genesis value" : walk.lastLocation + " (sequence "
                + (walk.nextSequence - 1) + ")";
        return p.fail(Reason.CHAIN_BROKEN, "does not carry the hash of " + before
                + ": that entry or this one was modified and re-hashed");
    }

    private static VerificationFailure gap(List<Parsed> trail, int i, Walk walk) {
        Parsed p = trail.get(i);
        long expected = walk.nextSequence;
        int found = -1;
        boolean belongsLater = false;
        for (int j = i + 1; j < trail.size(); j++) {
            AuditEntry e = trail.get(j).entry;
            if (e == null) {
                continue;
            }
            if (found < 0 && e.sequence() == expected) {
                found = j;
            }
            belongsLater |= e.hash().equals(p.entry.previousHash());
        }
        if (found < 0) {
            return p.fail(Reason.MISSING_ENTRY, (p.entry.sequence() - expected == 1 ? "sequence " + expected
                    : "sequences " + expected + ".." + (p.entry.sequence() - 1)) + " missing before this entry: deleted");
        }
        if (belongsLater) {
            return p.fail(Reason.REORDERED, "sequence " + p.entry.sequence() + " stored before sequence " + expected
                    + " (" + trail.get(found).stored.location() + ")");
        }
        return p.fail(Reason.INSERTED_ENTRY, "claims sequence " + p.entry.sequence() + " but chains to no entry after it;"
                + " sequence " + expected + " follows at " + trail.get(found).stored.location());
    }

    private VerificationFailure checkpoint(Parsed p, AuditCheckpoint c) {
        Optional<PublicKey> key = keys.find(c.keyId(), c.keyVersion(), c.keyFingerprint());
        if (key.isEmpty()) {
            return p.fail(Reason.UNKNOWN_SIGNING_KEY, "signed by key " + c.keyId() + " v" + c.keyVersion()
                    + " (fingerprint " + c.keyFingerprint() + "), which is not among the trusted keys");
        }
        boolean valid;
        try {
            valid = Sm2.verify(key.get(), AuditEncoding.signedMessage(c), c.signature());
        } catch (CryptoFailure | IllegalArgumentException | IllegalStateException e) {
            valid = false;
        }
        return valid ? null : p.fail(Reason.BAD_SIGNATURE, "the SM2 signature does not verify under trusted key "
                + c.keyId() + " v" + c.keyVersion() + ": forged or altered checkpoint");
    }

    private VerificationFailure endOfTrail(List<Parsed> trail, Walk walk) {
        long last = walk.nextSequence - 1;
        if (last < options.minimumLastSequence()) {
            return new VerificationFailure(trail.size() + 1L, "end of trail", -1, Reason.TRAIL_TOO_SHORT,
                    "the trail ends at sequence " + last + ", expected at least " + options.minimumLastSequence()
                            + ": its tail was cut off");
        }
        if (options.requireSignedTail() && walk.unsignedTail > 0) {
            Parsed first = trail.get(trail.size() - (int) walk.unsignedTail);
            return first.fail(Reason.UNSIGNED_TAIL, walk.unsignedTail + " entries after the last checkpoint (sequence "
                    + walk.lastCheckpoint + ") are not signed");
        }
        return null;
    }

    private static AuditEntry entryAt(List<Parsed> trail, int i) {
        return i < trail.size() ? trail.get(i).entry : null;
    }

    /** Walk state: the chain as accepted so far. */
    private static final class Walk {
        long nextSequence = 1;
        String head = AuditEncoding.GENESIS_HEX;
        String headBefore;
        String lastLocation;
        long entries;
        long records;
        int checkpoints;
        long lastCheckpoint;
        long unsignedTail;

        void accept(Parsed p) {
            AuditEntry x = p.entry;
            if (x instanceof AuditCheckpoint c) {
                checkpoints++;
                lastCheckpoint = c.sequence();
                unsignedTail = 0;
            } else {
                records++;
                unsignedTail++;
            }
            entries++;
            headBefore = head;
            head = x.hash();
            nextSequence = x.sequence() + 1;
            lastLocation = p.stored.location();
        }

        VerificationReport report(VerificationFailure failure) {
            return new VerificationReport(entries, records, checkpoints, nextSequence - 1, lastCheckpoint, unsignedTail,
                    failure);
        }
    }

    /** One stored entry and what parsing made of it. */
    private record Parsed(StoredEntry stored, AuditEntry entry, String problem) {

        static Parsed of(StoredEntry s) {
            try {
                return new Parsed(s, AuditJson.parse(s.json()), null);
            } catch (CryptoFailure e) {
                return new Parsed(s, null, e.getMessage());
            }
        }

        VerificationFailure fail(Reason reason, String detail) {
            return new VerificationFailure(stored.position(), stored.location(), entry == null ? -1 : entry.sequence(),
                    reason, detail);
        }
    }
}
