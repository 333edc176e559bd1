package org.fenghuo.crypto.audit;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where the trail is kept. Append-only by contract: a store never offers a way to change or
 * remove an entry, and refuses a second entry with a sequence it already holds where it can
 * (see each implementation). One writer at a time; {@link #readAll()} may run concurrently.
 */
public interface AuditStore extends Closeable {

    /**
     * The last entry, parsed, so a new writer continues the chain; empty for an empty trail.
     *
     * @throws org.fenghuo.crypto.CryptoFailure {@code MALFORMED_INPUT} when the tail cannot be parsed
     */
    Optional<AuditEntry> last() throws IOException;

    /** Appends one entry (durability as the implementation documents). */
    void append(AuditEntry entry) throws IOException;

    /** Makes everything appended so far durable; called after each checkpoint and on close. */
    default void flush() throws IOException {
    }

    /** Every stored entry in storage order, unparsed, for {@link AuditVerifier}. */
    List<StoredEntry> readAll() throws IOException;

    /**
     * Every stored entry in storage order, read lazily (the file store streams; the default reads
     * {@link #readAll()}). May run while the store is open for writing, without disturbing its lock.
     */
    default StoredEntries entries() throws IOException {
        return StoredEntries.of(readAll());
    }

    /** Names the store in messages, e.g. {@code file /var/lib/fenghuo/audit.log}. */
    String describe();
}
