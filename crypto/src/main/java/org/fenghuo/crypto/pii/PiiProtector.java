package org.fenghuo.crypto.pii;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.crypto.pii.detect.PiiSpan;
import org.fenghuo.crypto.pii.policy.FieldRule;
import org.fenghuo.crypto.pii.policy.PiiAction;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.crypto.pii.policy.ScanRule;
import org.fenghuo.crypto.rotation.SealedValueContext;
import org.fenghuo.events.SecurityEvent;

/**
 * Applies a {@link PiiPolicy} to events before they leave the hub: personal fields are sealed,
 * blind-indexed, masked or dropped, and personal data found in free-text fields is replaced by
 * its mask or a sealed token ({@link SealedText}). An event with none of the fields comes back as
 * the same instance.
 *
 * <p>Encryption context (the SM4-GCM associated data) is {@code <ECS field path>|<event.id>}
 * ({@link #context}, i.e. {@link SealedValueContext#of}); the re-encryption job re-seals with it. An event without
 * {@code event.id} cannot be sealed reproducibly: its encrypt fields are dropped and its sealed
 * spans masked instead, counted as {@code fenghuo.pii.failures{reason=no_document_id}}.
 *
 * <p>Not thread-safe ({@link FieldEnvelope} and HMAC state are reused): create one protector per
 * thread, e.g. in the Flink operator's {@code open()}; they can share the key ring and registry.
 */
public final class PiiProtector {

    private final FieldEnvelope envelope;
    private final BlindIndex blind;
    private final PiiMetrics metrics;
    private final List<CompiledField> fields = new ArrayList<>();
    private final List<CompiledScan> scans = new ArrayList<>();
    private final FieldVisitor fieldVisitor = new FieldVisitor();
    private final ScanVisitor scanVisitor = new ScanVisitor();
    private final CatchAllScan catchAll;
    /** Finds numbers inside text-kind field values, for a term under their own kind. */
    private final PiiScanner textScanner = PiiScanner.allKinds();
    private EventDraft draft;
    private String documentId;
    /**
     * Terms already computed for this event, by kind and value: one person's number often recurs in
     * several fields and texts of one event, and the HMAC is the dearest step. Cleared after each
     * event, so no plaintext outlives the event it came with.
     */
    private final Map<String, String> eventTerms = new HashMap<>();
    /**
     * The strings this protector wrote into the current event, by identity: the catch-all skips
     * them (a sealed value's base64url would otherwise be searched for numbers on every event).
     */
    private final Set<String> produced = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public PiiProtector(PiiPolicy policy, KeyRing keys, SecureRandom random, MeterRegistry registry) {
        this.envelope = new FieldEnvelope(keys, NonceSource.over(random));
        this.blind = new BlindIndex(keys, policy);
        this.metrics = new PiiMetrics(registry);
        this.catchAll = new CatchAllScan(metrics);
        for (FieldRule r : policy.fields()) {
            fields.add(new CompiledField(r, new FieldTarget(r.path(), policy.rulePaths())));
        }
        Map<Set<PiiKind>, PiiScanner> scanners = new HashMap<>();
        for (ScanRule r : policy.scans()) {
            scans.add(new CompiledScan(r, new FieldTarget(r.path(), policy.rulePaths()),
                    scanners.computeIfAbsent(r.kinds(), PiiScanner::new)));
        }
    }

    /**
     * The SM4-GCM associated data of a value of {@code field} in document {@code documentId}: the
     * convention the re-encryption job also uses ({@link SealedValueContext#of}).
     */
    public static String context(String field, String documentId) {
        return SealedValueContext.of(field, documentId);
    }

    /**
     * The event as it may be stored.
     *
     * @throws CryptoFailure when the key ring cannot give a key: the event must then not be stored
     */
    public SecurityEvent protect(SecurityEvent event) {
        EventDraft d = new EventDraft(catchAll.maskKeys(event));
        d.stripOwnNamespace();
        draft = d;
        documentId = d.documentId();
        try {
            for (CompiledField f : fields) {
                fieldVisitor.rule = f.rule;
                f.target.visit(d, fieldVisitor);
            }
            for (CompiledScan s : scans) {
                scanVisitor.rule = s.rule;
                scanVisitor.scanner = s.scanner;
                s.target.visit(d, scanVisitor);
            }
            SecurityEvent built = d.build();
            for (int i = 0; i < d.blindConflicts; i++) {
                metrics.failure("blind_field_conflict");
            }
            return catchAll.apply(built, produced);
        } finally {
            draft = null;
            documentId = null;
            if (!eventTerms.isEmpty()) {
                eventTerms.clear();
            }
            if (!produced.isEmpty()) {
                produced.clear();
            }
        }
    }

    /** Notes a string this protector wrote (a sealed value, a mask, a fully scanned text). */
    private String produced(String value) {
        produced.add(value);
        return value;
    }

    private String term(PiiKind kind, String plaintext) {
        String input = BlindIndex.input(kind, PiiNormalizer.normalize(kind, plaintext));
        String term = eventTerms.get(input);
        if (term == null) {
            term = blind.termOfInput(input);
            eventTerms.put(input, term);
        }
        return term;
    }

    private String seal(String plaintext, String field) {
        try {
            return envelope.seal(plaintext, context(field, documentId));
        } catch (CryptoFailure e) {
            metrics.failure(e.reason().name().toLowerCase(Locale.ROOT));
            throw e;
        }
    }

    /**
     * True when {@code value} is a sealed value of this field of this document (an event protected
     * before, e.g. replayed). The prefix alone proves nothing: a sender can write
     * {@code sm4gcm:v1:<an ID number>} to skip encryption and the blind index.
     */
    private boolean opensHere(String field, String value) {
        if (documentId == null) {
            return false;
        }
        try {
            envelope.open(value, context(field, documentId));
            return true;
        } catch (CryptoFailure e) {
            return false;
        }
    }

    /**
     * True for a failure that concerns one value (a malformed input), which costs only that value.
     * Anything else (no usable key, a key ring that breaks) propagates: the event must then not be
     * stored, and the caller dead-letters it.
     */
    private static boolean isValueFailure(RuntimeException e) {
        return e instanceof CryptoFailure f && f.reason() == CryptoFailure.Reason.MALFORMED_INPUT;
    }

    /** Counts a failure of one value; the reason names the exception class only, never the field or value. */
    private void valueFailed(RuntimeException e) {
        metrics.failure(e instanceof CryptoFailure f ? "value_" + f.reason().name().toLowerCase(Locale.ROOT)
                : "value_failed");
    }

    private record CompiledField(FieldRule rule, FieldTarget target) {
    }

    private record CompiledScan(ScanRule rule, FieldTarget target, PiiScanner scanner) {
    }

    /** Whole-field actions. */
    private final class FieldVisitor implements ValueVisitor {
        FieldRule rule;

        @Override
        public String visit(String field, String value) {
            try {
                return protect(field, value);
            } catch (RuntimeException e) {
                if (!isValueFailure(e)) {
                    throw e;
                }
                // one bad value (e.g. a sender-chosen key) must not drop the event: drop the value
                valueFailed(e);
                return null;
            }
        }

        private String protect(String field, String value) {
            if (FieldEnvelope.isSealed(value) && opensHere(field, value)) {
                return value;
            }
            if (rule.has(PiiAction.BLIND_INDEX)) {
                draft.addBlindTerm(field, term(rule.kind(), value), true);
                metrics.field(PiiAction.BLIND_INDEX);
            }
            if (rule.kind() == PiiKind.TEXT && (rule.has(PiiAction.BLIND_INDEX) || rule.has(PiiAction.ENCRYPT))) {
                // an ID number in user.id (kind text) must be found by the same term as in a message
                for (PiiSpan f : textScanner.scan(value)) {
                    if (f.kind() != PiiKind.TEXT) {
                        draft.addBlindTerm(field, term(f.kind(), value.substring(f.start(), f.end())), false);
                    }
                }
            }
            if (rule.has(PiiAction.ENCRYPT)) {
                if (documentId == null) {
                    metrics.failure("no_document_id");
                    return null;
                }
                metrics.field(PiiAction.ENCRYPT);
                return produced(seal(value, field));
            }
            if (rule.has(PiiAction.MASK)) {
                metrics.field(PiiAction.MASK);
                return produced(PiiMasks.mask(rule.kind(), value));
            }
            metrics.field(PiiAction.DROP);
            return null;
        }
    }

    /** Free-text scanning: each span replaced in place. */
    private final class ScanVisitor implements ValueVisitor {
        ScanRule rule;
        PiiScanner scanner;

        @Override
        public String visit(String field, String value) {
            if (rule.replace() == ScanRule.Replacement.SEAL && value.contains(SealedText.OPEN)) {
                // a sender's own "[pii:" would be read as a token on reveal and re-seal
                value = SealedText.escapeOpen(value);
            }
            List<PiiSpan> spans = scanner.scan(value);
            if (spans.isEmpty()) {
                return value;
            }
            if (rule.index()) {
                // one term per finding, also when overlapping findings are replaced by their union
                for (PiiSpan f : scanner.lastFindings()) {
                    draft.addBlindTerm(field, term(f.kind(), value.substring(f.start(), f.end())), false);
                }
            }
            StringBuilder out = new StringBuilder(value.length() + 64 * spans.size());
            int from = 0;
            for (PiiSpan s : spans) {
                String plain = value.substring(s.start(), s.end());
                out.append(value, from, s.start()).append(replacement(field, s.kind(), plain));
                from = s.end();
                metrics.span(s.kind());
            }
            String result = out.append(value, from, value.length()).toString();
            // searched by every detector already: the catch-all need not look again
            return scanner.runsEveryKind() ? produced(result) : result;
        }

        private String replacement(String field, PiiKind kind, String plain) {
            if (rule.replace() == ScanRule.Replacement.SEAL) {
                if (documentId != null) {
                    try {
                        return SealedText.token(kind, seal(plain, field));
                    } catch (RuntimeException e) {
                        if (!isValueFailure(e)) {
                            throw e;
                        }
                        valueFailed(e);
                    }
                } else {
                    metrics.failure("no_document_id");
                }
            }
            return PiiMasks.mask(kind, plain);
        }
    }
}
