package org.fenghuo.crypto.audit;

import java.time.Instant;

/**
 * One link of the audit chain: an {@link AuditRecord} of something the hub did, or an
 * {@link AuditCheckpoint} signing everything before it. Both kinds share one sequence space
 * (1, 2, 3, ...) and each carries the SM3 hash of the entry before it and its own.
 */
public sealed interface AuditEntry permits AuditRecord, AuditCheckpoint {

    /** Position in the chain, from 1, without gaps. */
    long sequence();

    /** Record time: when the hub wrote the entry (the writer's clock, not a wall-clock thread). */
    Instant time();

    /** Lower-case hex SM3 hash of the entry before, or {@link AuditEncoding#GENESIS_HEX} for sequence 1. */
    String previousHash();

    /** Lower-case hex SM3 hash of {@link AuditEncoding#canonical(AuditEntry)}. */
    String hash();
}
