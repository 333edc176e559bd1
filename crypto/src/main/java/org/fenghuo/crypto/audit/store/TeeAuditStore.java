package org.fenghuo.crypto.audit.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditEncoding;
import org.fenghuo.crypto.audit.AuditEntry;
import org.fenghuo.crypto.audit.AuditJson;
import org.fenghuo.crypto.audit.AuditStore;
import org.fenghuo.crypto.audit.StoredEntries;
import org.fenghuo.crypto.audit.StoredEntry;

/**
 * Writes every entry to a primary store (e.g. the local file) and then to copies (e.g.
 * Elasticsearch), so an attacker must reach all of them to rewrite history unnoticed. Reads come
 * from the primary. On {@link #last()} a copy that is behind (it was down) is brought up to date
 * from the primary; a copy that is ahead or disagrees on an entry is refused.
 *
 * <p>An append that reaches the primary but fails on a copy throws; the next open catches the
 * copy up.
 */
public final class TeeAuditStore implements AuditStore {

    private final AuditStore primary;
    private final List<AuditStore> copies;

    public TeeAuditStore(AuditStore primary, List<AuditStore> copies) {
        this.primary = primary;
        this.copies = List.copyOf(copies);
    }

    @Override
    public Optional<AuditEntry> last() throws IOException {
        Optional<AuditEntry> head = primary.last();
        for (AuditStore copy : copies) {
            catchUp(copy, copy.last(), head);
        }
        return head;
    }

    private void catchUp(AuditStore copy, Optional<AuditEntry> copyHead, Optional<AuditEntry> head) throws IOException {
        long have = copyHead.map(AuditEntry::sequence).orElse(0L);
        long want = head.map(AuditEntry::sequence).orElse(0L);
        if (have > want) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, copy.describe() + " is ahead of "
                    + primary.describe() + " (sequence " + have + " > " + want + "): verify both");
        }
        if (have == want) {
            if (copyHead.isPresent() && !AuditEncoding.sameHash(copyHead.get().hash(), head.get().hash())) {
                throw disagree(copy, have);
            }
            return;
        }
        try (StoredEntries entries = primary.entries()) {
            for (StoredEntry stored = entries.next(); stored != null; stored = entries.next()) {
                AuditEntry entry = AuditJson.parse(stored.json());
                if (entry.sequence() == have && copyHead.isPresent()
                        && !AuditEncoding.sameHash(entry.hash(), copyHead.get().hash())) {
                    throw disagree(copy, have);
                }
                if (entry.sequence() > have) {
                    copy.append(entry);
                }
            }
        }
        copy.flush();
    }

    private CryptoFailure disagree(AuditStore copy, long sequence) {
        return new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, copy.describe() + " and "
                + primary.describe() + " disagree at sequence " + sequence + ": verify both");
    }

    @Override
    public StoredEntries entries() throws IOException {
        return primary.entries();
    }

    @Override
    public void append(AuditEntry entry) throws IOException {
        primary.append(entry);
        for (AuditStore copy : copies) {
            copy.append(entry);
        }
    }

    @Override
    public void flush() throws IOException {
        primary.flush();
        for (AuditStore copy : copies) {
            copy.flush();
        }
    }

    @Override
    public List<StoredEntry> readAll() throws IOException {
        return primary.readAll();
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(primary.describe());
        copies.forEach(c -> s.append(" + ").append(c.describe()));
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (AuditStore store : all()) {
            try {
                store.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<AuditStore> all() {
        List<AuditStore> all = new ArrayList<>();
        all.add(primary);
        all.addAll(copies);
        return all;
    }
}
