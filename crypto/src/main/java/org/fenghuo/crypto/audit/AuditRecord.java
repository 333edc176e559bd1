package org.fenghuo.crypto.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One action of the hub: who ({@code actor}, the principal) did what ({@code action}, e.g.
 * {@code pii.reveal}, {@code playbook.isolate}, {@code keys.rotate}) to what ({@code target}),
 * how it ended, and a few details. Details are copied into a sorted map; the hash does not
 * depend on their order anyway (see {@link AuditEncoding}).
 */
public record AuditRecord(long sequence, Instant time, String actor, String action, String target,
                          AuditOutcome outcome, Map<String, String> details, String previousHash, String hash)
        implements AuditEntry {

    public AuditRecord {
        AuditLimits.checkSequence(sequence);
        Objects.requireNonNull(time, "time");
        AuditLimits.checkText("actor", actor, false);
        AuditLimits.checkText("action", action, false);
        AuditLimits.checkText("target", target, true);
        Objects.requireNonNull(outcome, "outcome");
        details = AuditLimits.checkDetails(details);
        AuditLimits.checkHash("previousHash", previousHash);
        AuditLimits.checkHash("hash", hash);
    }

    /** A new record chained to {@code previousHash}, with its hash computed. */
    public static AuditRecord create(long sequence, Instant time, AuditEvent event, String previousHash) {
        AuditRecord unhashed = new AuditRecord(sequence, time, event.actor(), event.action(), event.target(),
                event.outcome(), event.details(), previousHash, AuditEncoding.GENESIS_HEX);
        return unhashed.withHash(AuditEncoding.hashHex(unhashed));
    }

    AuditRecord withHash(String newHash) {
        return new AuditRecord(sequence, time, actor, action, target, outcome, details, previousHash, newHash);
    }

    @Override
    public Map<String, String> details() {
        return details;
    }
}
