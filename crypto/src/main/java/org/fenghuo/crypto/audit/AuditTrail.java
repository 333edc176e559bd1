package org.fenghuo.crypto.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.fenghuo.crypto.sm.Sm2;

/**
 * The writer of the audit chain: each {@link #append} adds a record that carries the SM3 hash of
 * the entry before it, and signs a checkpoint when the {@link CheckpointPolicy} says so. Opening
 * a non-empty store continues its chain from the last entry. Thread-safe (one lock); one writer
 * per store.
 *
 * <p>A failed write leaves the trail unusable ({@code IllegalStateException} afterwards): the
 * store may or may not hold the entry, so only a fresh {@link #open} knows where the chain ends.
 */
public final class AuditTrail implements Closeable {

    private final AuditStore store;
    private final SigningKeys keys;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private final SecureRandom random;

    private long nextSequence;
    private String head;
    private int unsignedRecords;
    private Instant firstUnsignedTime;
    private boolean broken;
    private boolean closed;

    private AuditTrail(AuditStore store, SigningKeys keys, CheckpointPolicy policy, Clock clock, SecureRandom random) {
        this.store = store;
        this.keys = keys;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    /** Continues the chain of {@code store} (or starts it at the genesis value); the trail closes the store. */
    public static AuditTrail open(AuditStore store, SigningKeys keys, CheckpointPolicy policy, Clock clock,
                                  SecureRandom random) throws IOException {
        AuditTrail trail = new AuditTrail(Objects.requireNonNull(store, "store"), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(random, "random"));
        AuditEntry last;
        try {
            last = store.last().orElse(null);
        } catch (IOException | RuntimeException e) {
            // the trail owns the store from here on: do not leave it open (and a file locked)
            try {
                store.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        trail.nextSequence = last == null ? 1 : last.sequence() + 1;
        trail.head = last == null ? AuditEncoding.GENESIS_HEX : last.hash();
        if (last instanceof AuditRecord) {
            // The previous writer stopped before signing its tail; sign it at the next chance.
            trail.unsignedRecords = 1;
            trail.firstUnsignedTime = last.time();
        }
        return trail;
    }

    /** Appends a record of {@code event} at the clock's time; may also write a checkpoint after it. */
    public synchronized AuditRecord append(AuditEvent event) {
        ensureWritable();
        AuditRecord record = AuditRecord.create(nextSequence, clock.instant(), event, head);
        write(record);
        if (unsignedRecords == 0) {
            firstUnsignedTime = record.time();
        }
        unsignedRecords++;
        if (unsignedRecords >= policy.everyRecords()
                || !Duration.between(firstUnsignedTime, record.time()).minus(policy.everyDuration()).isNegative()) {
            writeCheckpoint(record.time());
        }
        return record;
    }

    /** Signs the chain as it is now, even if nothing is unsigned (an explicit "seen up to here"). */
    public synchronized AuditCheckpoint checkpoint() {
        ensureWritable();
        return writeCheckpoint(clock.instant());
    }

    /** The sequence the next entry will get. */
    public synchronized long nextSequence() {
        return nextSequence;
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
        byte[] signature = Sm2.sign(key.keyPair().getPrivate(),
                AuditEncoding.signedMessage(nextSequence, time, head, key.id(), key.version(), fingerprint), random);
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
