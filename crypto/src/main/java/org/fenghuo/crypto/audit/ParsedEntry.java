package org.fenghuo.crypto.audit;

import org.fenghuo.crypto.CryptoFailure;

/** One stored entry and what parsing made of it ({@code entry} null and {@code problem} set when it did not parse). */
record ParsedEntry(StoredEntry stored, AuditEntry entry, String problem) {

    static ParsedEntry of(StoredEntry s) {
        try {
            return new ParsedEntry(s, AuditJson.parse(s.json()), null);
        } catch (CryptoFailure e) {
            return new ParsedEntry(s, null, e.getMessage());
        }
    }

    VerificationFailure fail(VerificationFailure.Reason reason, String detail) {
        return new VerificationFailure(stored.position(), stored.location(), entry == null ? -1 : entry.sequence(),
                reason, detail);
    }
}
