package org.fenghuo.crypto.pii;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fenghuo.crypto.pii.policy.PiiAction;

/**
 * Counters of personal-data protection, shared by every protector on one registry:
 * {@code fenghuo.pii.fields{action}} (values encrypted, blind-indexed, masked, dropped),
 * {@code fenghuo.pii.spans{kind}} (personal data found in free text),
 * {@code fenghuo.pii.catch_all{kind}} (found outside the policy's fields by the catch-all scan),
 * {@code fenghuo.pii.failures{reason}} (no_document_id, or a {@code CryptoFailure} reason) and
 * {@code fenghuo.pii.reveals{outcome}}.
 */
final class PiiMetrics {

    private final MeterRegistry registry;
    private final Map<PiiAction, Counter> fields = new EnumMap<>(PiiAction.class);
    private final Map<PiiKind, Counter> spans = new EnumMap<>(PiiKind.class);
    private final Map<RevealRecord.Outcome, Counter> reveals = new EnumMap<>(RevealRecord.Outcome.class);
    private final Map<PiiKind, Counter> catchAll = new EnumMap<>(PiiKind.class);
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();

    PiiMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (PiiAction a : PiiAction.values()) {
            fields.put(a, Counter.builder("fenghuo.pii.fields").description("field values protected, by action")
                    .tag("action", a.label()).register(registry));
        }
        for (PiiKind k : PiiKind.values()) {
            spans.put(k, Counter.builder("fenghuo.pii.spans").description("personal data found in free text")
                    .tag("kind", k.label()).register(registry));
            catchAll.put(k, Counter.builder("fenghuo.pii.catch_all").description(
                    "personal data found outside the policy's fields and masked by the catch-all scan")
                    .tag("kind", k.label()).register(registry));
        }
        for (RevealRecord.Outcome o : RevealRecord.Outcome.values()) {
            reveals.put(o, Counter.builder("fenghuo.pii.reveals").description("reveal attempts, by outcome")
                    .tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
    }

    void field(PiiAction action) {
        fields.get(action).increment();
    }

    void span(PiiKind kind) {
        spans.get(kind).increment();
    }

    void catchAll(PiiKind kind) {
        catchAll.get(kind).increment();
    }

    void reveal(RevealRecord.Outcome outcome) {
        reveals.get(outcome).increment();
    }

    void failure(String reason) {
        failures.computeIfAbsent(reason, r -> Counter.builder("fenghuo.pii.failures")
                .description("values that could not be protected as the policy says").tag("reason", r)
                .register(registry)).increment();
    }
}
