package org.fenghuo.crypto.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of the audit chain: each {@link #append} adds a record that carries the SM3 hash of
 * the entry before it, and signs a checkpoint when the {@link CheckpointPolicy} says so. A new
 * trail starts with a record naming its random {@link TrailId}; opening a non-empty store
 * continues its chain from the last entry, with the policy counting the unsigned records found
 * after its last checkpoint.
 *
 * <p>Thread-safe: every method is {@code synchronized}, so request threads (e.g. a PII reveal
 * being audited) may append concurrently; the chain order is the order the lock was taken. One
 * writer per store (the file store refuses a second one).
 *
 * <p>The trail keeps no thread. Whoever runs the hub calls {@link #checkpointIfDue(Instant)}
 * periodically (e.g. every few seconds from its scheduler) so that a quiet trail is still signed
 * within the policy's time; otherwise the tail is signed at the next append or on close.
 *
 * <p>A failed write leaves the trail unusable ({@code IllegalStateException} afterwards): the
 * store may or may not hold the entry, so only a fresh {@link #open} knows where the chain ends.
 * A failed <em>automatic</em> checkpoint (the key or the signature failed after the record was
 * stored) does not fail the append, which would invite a retry and a duplicate record: the record
 * is returned, the failure is logged and kept in {@link #lastCheckpointFailure()}, and the
 * checkpoint is tried again before the next append.
 */
public final class AuditTrail implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final byte[] RECORD_PREFIX = "{\"type\":\"record\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_PREFIX = "{\"type\":\"checkpoint\"".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private final AuditStore store;
    private final SigningKeys keys;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final SecureRandom random;

    private TrailId trailId;
    private long nextSequence = 1;
    private String head = AuditEncoding.GENESIS_HEX;
    private int unsignedRecords;
    private Instant firstUnsignedTime;
    private Instant lastUnsignedTime;
    private RuntimeException checkpointFailure;
    private boolean broken;
    private boolean closed;

    private AuditTrail(AuditStore store, SigningKeys keys, CheckpointPolicy policy, Clock clock, SecureRandom random) {
        this.store = store;
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Continues the chain of {@code store}, or starts a new trail (a start record with a fresh trail
     * id) when it is empty; the trail closes the store. Reads the whole store once to find the trail
     * id and count the unsigned tail, and signs that tail at once when the policy says it is due.
     *
     * @throws CryptoFailure {@code MALFORMED_INPUT} when the store's tail is unreadable or its first
     *                       entry is not a trail start
     */
    public static AuditTrail open(AuditStore store, SigningKeys keys, CheckpointPolicy policy, Clock clock,
                                  SecureRandom random) throws IOException {
        AuditTrail trail = new AuditTrail(Objects.requireNonNull(store, "store"), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(random, "random"));
        try {
            trail.resume();
            if (trail.trailId == null) {
                trail.trailId = TrailId.random(random);
                trail.appendRecord(trail.trailId.startEvent());
            }
            trail.checkpointIfDue(clock.instant());
        } catch (IOException | RuntimeException e) {
            // the trail owns the store from here on: do not leave it open (and a file locked)
            try {
                store.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return trail;
    }

    private void resume() throws IOException {
        AuditEntry last = store.last().orElse(null);
        if (last == null) {
            return;
        }
        StoredEntry firstUnsigned = null;
        try (StoredEntries entries = store.entries()) {
            StoredEntry stored = entries.next();
            trailId = stored == null ? null : TrailId.of(AuditJson.parse(stored.json()));
            if (trailId == null) {
                throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, store.describe() + ": the first entry is not"
                        + " a trail start record naming a trail id (not a trail of this version); start a new trail");
            }
            for (; stored != null; stored = entries.next()) {
                if (isCheckpoint(stored.json())) {
                    unsignedRecords = 0;
                    firstUnsigned = null;
                } else {
                    unsignedRecords++;
                    firstUnsigned = firstUnsigned == null ? stored : firstUnsigned;
                }
            }
        }
        if (firstUnsigned != null) {
            firstUnsignedTime = AuditJson.parse(firstUnsigned.json()).time();
            lastUnsignedTime = last.time();
        }
        nextSequence = last.sequence() + 1;
        head = last.hash();
    }

    /** The writer's own lines start with their type; anything else is parsed. */
    private static boolean isCheckpoint(byte[] json) {
        if (startsWith(json, CHECKPOINT_PREFIX)) {
            return true;
        }
        return !startsWith(json, RECORD_PREFIX) && AuditJson.parse(json) instanceof AuditCheckpoint;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Appends a record of {@code event} at the clock's time; may also write a checkpoint after it.
     * Returns once the record is stored, even when that checkpoint fails (see the class comment).
     *
     * @throws CryptoFailure {@code MALFORMED_INPUT} when the record's JSON would exceed
     *                       {@link AuditLimits#MAX_LINE_BYTES}; nothing is written and the trail stays usable
     */
    public synchronized AuditRecord append(AuditEvent event) {
        ensureWritable();
        if (overdue()) {
            tryAutomaticCheckpoint(lastUnsignedTime);
            ensureWritable();
        }
        AuditRecord record = appendRecord(event);
        if (overdue()) {
            tryAutomaticCheckpoint(record.time());
        }
        return record;
    }

    private AuditRecord appendRecord(AuditEvent event) {
        AuditRecord record = AuditRecord.create(nextSequence, clock.instant(), event, head);
        AuditJson.toUtf8(record); // refuse before writing: a line the reader would refuse must never be stored
        write(record);
        if (unsignedRecords == 0) {
            firstUnsignedTime = record.time();
        }
        unsignedRecords++;
        lastUnsignedTime = record.time();
        return record;
    }

    /** The policy's bound is reached: the run of unsigned records must be closed by a checkpoint now. */
    private boolean overdue() {
        return unsignedRecords > 0 && (unsignedRecords >= policy.everyRecords() || elapsed(lastUnsignedTime));
    }

    private boolean elapsed(Instant now) {
        return !Duration.between(firstUnsignedTime, now).minus(policy.everyDuration()).isNegative();
    }

    private void tryAutomaticCheckpoint(Instant time) {
        try {
            writeCheckpoint(time);
            checkpointFailure = null;
        } catch (RuntimeException e) {
            checkpointFailure = e;
            LOG.warn("audit checkpoint at sequence {} in {} failed ({}); {} records stay unsigned, retried before the next"
                    + " append", nextSequence, store.describe(), e.getMessage(), unsignedRecords);
        }
    }

    /**
     * Signs the unsigned records if the policy says so at {@code now}: the record count is reached
     * or the oldest unsigned record is {@code everyDuration} old. For the hub's scheduler.
     *
     * @return the checkpoint written, or empty when nothing was due
     */
    public synchronized Optional<AuditCheckpoint> checkpointIfDue(Instant now) {
        Objects.requireNonNull(now, "now");
        ensureWritable();
        if (unsignedRecords == 0 || !(overdue() || elapsed(now))) {
            return Optional.empty();
        }
        AuditCheckpoint checkpoint = writeCheckpoint(now);
        checkpointFailure = null;
        return Optional.of(checkpoint);
    }

    /** Signs the chain as it is now, even if nothing is unsigned (an explicit "seen up to here"). */
    public synchronized AuditCheckpoint checkpoint() {
        ensureWritable();
        AuditCheckpoint checkpoint = writeCheckpoint(clock.instant());
        checkpointFailure = null;
        return checkpoint;
    }

    /** The sequence the next entry will get. */
    public synchronized long nextSequence() {
        return nextSequence;
    }

    /** The last entry written, as an anchor to keep elsewhere (see {@link ChainHead}). */
    public synchronized ChainHead head() {
        return new ChainHead(nextSequence - 1, head);
    }

    public synchronized TrailId trailId() {
        return trailId;
    }

    /** Records stored but not yet signed. */
    public synchronized int unsignedRecords() {
        return unsignedRecords;
    }

    /** Why the last automatic checkpoint failed, until one succeeds. */
    public synchronized Optional<RuntimeException> lastCheckpointFailure() {
        return Optional.ofNullable(checkpointFailure);
    }

    /** Signs the unsigned tail, if any, and closes the store. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (!broken && unsignedRecords > 0) {
                writeCheckpoint(clock.instant());
            }
        } finally {
            closed = true;
            store.close();
        }
    }

    private AuditCheckpoint writeCheckpoint(Instant time) {
        CheckpointKey key = keys.current();
        String fingerprint = key.fingerprint();
        byte[] signature = Sm2.sign(key.keyPair().getPrivate(), AuditEncoding.signedMessage(trailId, nextSequence, time,
                head, key.id(), key.version(), fingerprint), random);
        AuditCheckpoint unhashed = new AuditCheckpoint(nextSequence, time, key.id(), key.version(), fingerprint,
                signature, head, AuditEncoding.GENESIS_HEX);
        AuditCheckpoint checkpoint = unhashed.withHash(AuditEncoding.hashHex(unhashed));
        write(checkpoint);
        try {
            store.flush();
        } catch (IOException e) {
            broken = true;
            throw new UncheckedIOException("audit checkpoint " + checkpoint.sequence() + " not made durable in "
                    + store.describe(), e);
        }
        unsignedRecords = 0;
        firstUnsignedTime = null;
        lastUnsignedTime = null;
        return checkpoint;
    }

    private void write(AuditEntry entry) {
        try {
            store.append(entry);
        } catch (IOException | RuntimeException e) {
            broken = true;
            if (e instanceof IOException io) {
                throw new UncheckedIOException("audit entry " + entry.sequence() + " not written to " + store.describe(), io);
            }
            throw (RuntimeException) e;
        }
        nextSequence = entry.sequence() + 1;
        head = entry.hash();
    }

    private void ensureWritable() {
        if (closed) {
            throw new IllegalStateException("audit trail closed");
        }
        if (broken) {
            throw new IllegalStateException("audit trail stopped after a failed write to " + store.describe()
                    + "; reopen it to continue from what the store holds");
        }
    }
}
