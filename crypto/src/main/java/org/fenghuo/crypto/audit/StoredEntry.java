package org.fenghuo.crypto.audit;

import java.util.Objects;

/**
 * One stored entry as read back, before parsing.
 *
 * @param position  where it is: line number (file) or document id (Elasticsearch), from 1
 * @param location  how a person finds it, e.g. {@code line 7} or {@code fenghuo-audit/_doc/7}
 * @param json      the raw UTF-8 JSON
 * @param complete  false when the bytes end before the entry's terminator (a cut-off last line)
 */
public record StoredEntry(long position, String location, byte[] json, boolean complete) {

    public StoredEntry {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(json, "json");
    }
}
