package org.fenghuo.crypto.audit;

import java.util.Map;

/**
 * What a caller asks to have audited; the trail adds sequence, time and hashes.
 *
 * @param actor   the principal acting (user name, service account, playbook run id)
 * @param action  what was done, dotted lower-case by convention: {@code pii.reveal}, {@code playbook.isolate}
 * @param target  what it was done to (event id, host, key id); may be empty, never null
 * @param outcome how it ended
 * @param details a few extra facts (at most {@link AuditLimits#MAX_DETAILS}); never personal data in clear
 */
public record AuditEvent(String actor, String action, String target, AuditOutcome outcome, Map<String, String> details) {

    public AuditEvent {
        AuditLimits.checkText("actor", actor, false);
        AuditLimits.checkText("action", action, false);
        AuditLimits.checkText("target", target, true);
        java.util.Objects.requireNonNull(outcome, "outcome");
        details = AuditLimits.checkDetails(details);
    }

    public static AuditEvent of(String actor, String action, String target, AuditOutcome outcome) {
        return new AuditEvent(actor, action, target, outcome, Map.of());
    }
}
