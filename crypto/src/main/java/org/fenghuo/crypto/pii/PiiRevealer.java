package org.fenghuo.crypto.pii;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.policy.FieldRule;
import org.fenghuo.crypto.pii.policy.PiiAction;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.policy.RevealPermission;
import org.fenghuo.crypto.pii.policy.ScanRule;
import org.fenghuo.events.SecurityEvent;

/**
 * Opens sealed personal data for a permitted caller who states a reason. Every attempt, allowed
 * or refused, is written to the {@link RevealAuditSink} before anything is returned; the plaintext
 * never reaches the audit record, a log line or an exception message.
 *
 * <p>Not thread-safe ({@link FieldEnvelope}): one per thread or per request.
 */
public final class PiiRevealer {

    private final RevealPermission permission;
    private final FieldEnvelope envelope;
    private final RevealAuditSink audit;
    private final Clock clock;
    private final PiiMetrics metrics;
    private final List<FieldTarget> sealedTargets = new ArrayList<>();

    /** With the permission the policy's {@code reveal} section gives. */
    public PiiRevealer(PiiPolicy policy, KeyRing keys, RevealAuditSink audit, Clock clock, MeterRegistry registry) {
        this(policy, policy.reveal(), keys, audit, clock, registry);
    }

    public PiiRevealer(PiiPolicy policy, RevealPermission permission, KeyRing keys, RevealAuditSink audit,
                       Clock clock, MeterRegistry registry) {
        this.permission = permission;
        // opening draws no random bytes; the generator is only there because the envelope also seals
        this.envelope = new FieldEnvelope(keys, new SecureRandom());
        this.audit = audit;
        this.clock = clock;
        this.metrics = new PiiMetrics(registry);
        for (FieldRule r : policy.fields()) {
            if (r.has(PiiAction.ENCRYPT)) {
                sealedTargets.add(new FieldTarget(r.path(), policy.rulePaths()));
            }
        }
        for (ScanRule r : policy.scans()) {
            if (r.replace() == ScanRule.Replacement.SEAL) {
                sealedTargets.add(new FieldTarget(r.path(), policy.rulePaths()));
            }
        }
    }

    /**
     * The plaintext of one stored value: a sealed value, or a text whose sealed tokens are opened.
     *
     * @throws CryptoFailure {@code NOT_PERMITTED} for a caller the policy does not permit or a
     *         blank reason; {@code AUTHENTICATION_FAILED} for a tampered value or the wrong field or
     *         document; {@code MALFORMED_INPUT} when the value holds nothing sealed
     */
    public String reveal(RevealCaller caller, String reason, String field, String documentId, String stored) {
        requirePermitted(caller, reason, documentId, List.of(field));
        String plain;
        try {
            plain = open(field, documentId, stored);
        } catch (CryptoFailure e) {
            record(caller, reason, documentId, field, RevealRecord.Outcome.FAILED, e.reason());
            throw e;
        }
        record(caller, reason, documentId, field, RevealRecord.Outcome.REVEALED, null);
        return plain;
    }

    /**
     * The event with every sealed value and sealed token of the policy's fields opened (masked
     * and dropped data cannot come back); one audit record per field opened.
     *
     * @throws CryptoFailure as {@link #reveal(RevealCaller, String, String, String, String)}
     */
    public SecurityEvent reveal(RevealCaller caller, String reason, SecurityEvent protectedEvent) {
        EventDraft probe = new EventDraft(protectedEvent);
        String documentId = probe.documentId();
        Set<String> sealedFields = new LinkedHashSet<>();
        for (FieldTarget t : sealedTargets) {
            t.visit(probe, (field, value) -> {
                if (FieldEnvelope.isSealed(value) || SealedText.containsToken(value)) {
                    sealedFields.add(field);
                }
                return value;
            });
        }
        if (sealedFields.isEmpty()) {
            return protectedEvent;
        }
        requirePermitted(caller, reason, documentId, sealedFields);
        EventDraft draft = new EventDraft(protectedEvent);
        for (FieldTarget t : sealedTargets) {
            t.visit(draft, (field, value) -> {
                if (!sealedFields.contains(field)) {
                    return value;
                }
                try {
                    return open(field, documentId, value);
                } catch (CryptoFailure e) {
                    record(caller, reason, documentId, field, RevealRecord.Outcome.FAILED, e.reason());
                    throw e;
                }
            });
        }
        for (String field : sealedFields) {
            record(caller, reason, documentId, field, RevealRecord.Outcome.REVEALED, null);
        }
        return draft.build();
    }

    /** The fewest visible characters a stated reason must have. */
    public static final int MIN_REASON_CHARACTERS = 4;

    private void requirePermitted(RevealCaller caller, String reason, String documentId, Iterable<String> fields) {
        boolean reasonGiven = visibleCharacters(reason) >= MIN_REASON_CHARACTERS;
        boolean named = caller != null && visibleCharacters(caller.principal()) > 0;
        if (reasonGiven && named && permission.permits(caller)) {
            return;
        }
        for (String field : fields) {
            record(caller, reason, documentId, field, RevealRecord.Outcome.REFUSED, CryptoFailure.Reason.NOT_PERMITTED);
        }
        if (!named) {
            throw new CryptoFailure(CryptoFailure.Reason.NOT_PERMITTED, "a reveal needs a named principal");
        }
        throw new CryptoFailure(CryptoFailure.Reason.NOT_PERMITTED, reasonGiven
                ? "caller " + caller.principal() + " may not reveal personal data (not a permitted principal or role)"
                : "a reveal needs a stated reason of at least " + MIN_REASON_CHARACTERS + " visible characters");
    }

    /**
     * Code points that show: not whitespace, not format characters (zero-width space, joiners,
     * direction marks), not controls. An empty principal or a reason of a lone U+200B names
     * no one and states nothing.
     */
    static int visibleCharacters(String s) {
        if (s == null) {
            return 0;
        }
        return (int) s.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && !Character.isISOControl(c)).count();
    }

    private String open(String field, String documentId, String stored) {
        if (stored == null) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, field + " holds no value");
        }
        String context = PiiProtector.context(field, documentId);
        if (FieldEnvelope.isSealed(stored)) {
            return envelope.open(stored, context);
        }
        if (SealedText.containsToken(stored)) {
            return SealedText.openAll(stored, (kind, sealed) -> envelope.open(sealed, context));
        }
        throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, field + " holds no sealed value");
    }

    private void record(RevealCaller caller, String reason, String documentId, String field,
                        RevealRecord.Outcome outcome, CryptoFailure.Reason failure) {
        metrics.reveal(outcome);
        audit.record(new RevealRecord(clock.instant(), caller == null ? null : caller.principal(),
                caller == null ? Set.of() : caller.roles(), documentId, field, reason, outcome, failure));
    }
}
