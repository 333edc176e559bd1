package org.fenghuo.crypto.audit;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * The entries of a store read one at a time, in storage order, so a trail larger than memory
 * can be verified. Close it when done (a file reader holds the file open).
 */
public interface StoredEntries extends Closeable {

    /** The next entry, or null at the end. */
    StoredEntry next() throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** Entries already in memory. */
    static StoredEntries of(List<StoredEntry> entries) {
        Iterator<StoredEntry> it = entries.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }
}
