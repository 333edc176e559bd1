package org.fenghuo.crypto.pii;

/**
 * Where reveal attempts are recorded; the tamper-evident audit trail ({@code crypto.audit})
 * implements it. Called on the revealing thread before the plaintext is handed out: if
 * {@link #record} throws, the reveal does not happen.
 */
@FunctionalInterface
public interface RevealAuditSink {

    void record(RevealRecord record);
}
