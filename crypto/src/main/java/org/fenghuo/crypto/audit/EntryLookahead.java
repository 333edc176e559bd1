package org.fenghuo.crypto.audit;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Parsed entries pulled from {@link StoredEntries} with a look-ahead of a few, so the verifier
 * keeps only the entries it is about to check, never the whole trail.
 */
final class EntryLookahead {
    private final StoredEntries source;
    private final ArrayDeque<ParsedEntry> ahead = new ArrayDeque<>();
    private boolean exhausted;
    private long lastPosition;

    EntryLookahead(StoredEntries source) {
        this.source = source;
    }

    /** The next entry, or null at the end. */
    ParsedEntry next() throws IOException {
        ParsedEntry p = ahead.isEmpty() ? read() : ahead.poll();
        if (p != null) {
            lastPosition = p.stored().position();
        }
        return p;
    }

    /** The entry {@code k} (from 1) after the last one returned by {@link #next()}, without consuming it; null past the end. */
    AuditEntry peek(int k) throws IOException {
        while (ahead.size() < k && !exhausted) {
            ParsedEntry p = read();
            if (p != null) {
                ahead.add(p);
            }
        }
        if (ahead.size() < k) {
            return null;
        }
        Iterator<ParsedEntry> it = ahead.iterator();
        ParsedEntry p = null;
        for (int i = 0; i < k; i++) {
            p = it.next();
        }
        return p.entry();
    }

    /** Position of the last entry returned (0 before the first). */
    long lastPosition() {
        return lastPosition;
    }

    private ParsedEntry read() throws IOException {
        if (exhausted) {
            return null;
        }
        StoredEntry s = source.next();
        if (s == null) {
            exhausted = true;
            return null;
        }
        return ParsedEntry.of(s);
    }
}
