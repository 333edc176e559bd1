package org.fenghuo.crypto.pii;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fenghuo.crypto.audit.AuditEvent;
import org.fenghuo.crypto.audit.AuditLimits;
import org.fenghuo.crypto.audit.AuditOutcome;
import org.fenghuo.crypto.audit.AuditTrail;

/**
 * Writes reveal attempts to the tamper-evident audit trail: action {@code pii.reveal}, actor the
 * principal, target the document id, outcome success/denied/failure, details {@code field},
 * {@code reason}, {@code roles}, {@code failure} and the attempt's time. Never the plaintext. The
 * trail is synchronized, so one sink may serve every revealer.
 */
public final class AuditTrailRevealSink implements RevealAuditSink {

    public static final String ACTION = "pii.reveal";

    private final AuditTrail trail;

    public AuditTrailRevealSink(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void record(RevealRecord r) {
        Map<String, String> details = new TreeMap<>();
        details.put("field", limit(r.field()));
        details.put("reason", limit(r.reason()));
        details.put("roles", limit(String.join(",", new TreeSet<>(r.roles()))));
        details.put("attempted_at", r.at().toString());
        if (r.failure() != null) {
            details.put("failure", r.failure().name());
        }
        String actor = r.principal() == null || r.principal().isEmpty() ? "(anonymous)" : limit(r.principal());
        trail.append(new AuditEvent(actor, ACTION, limit(r.documentId()), outcome(r.outcome()), details));
    }

    private static AuditOutcome outcome(RevealRecord.Outcome o) {
        return switch (o) {
            case REVEALED -> AuditOutcome.SUCCESS;
            case REFUSED -> AuditOutcome.DENIED;
            case FAILED -> AuditOutcome.FAILURE;
        };
    }

    /** A caller-supplied text cut to what an audit field holds, rather than failing the record. */
    private static String limit(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= AuditLimits.MAX_TEXT_CHARS ? text : text.substring(0, AuditLimits.MAX_TEXT_CHARS - 1) + "…";
    }
}
