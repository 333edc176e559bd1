package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fenghuo.crypto.pii.PiiFixtures.eventId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class PiiRevealerTest {

    private static final PiiPolicy POLICY = PiiFixtures.policy("""
            fields:
              user.id: { kind: id_number, actions: [encrypt, blind_index] }
              user.name: { actions: [mask] }
            scan:
              message: { replace: seal }
            reveal:
              roles: [pii-officer]
              principals: [auditor-li]
            """);
    private static final Instant NOW = Instant.parse("2026-11-24T06:00:00Z");
    private static final RevealCaller OFFICER = new RevealCaller("wang", Set.of("analyst", "pii-officer"));
    private static final RevealCaller ANALYST = new RevealCaller("zhao", Set.of("analyst"));

    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<RevealRecord> audit = new ArrayList<>();
    private final PiiRevealer revealer = new PiiRevealer(POLICY, keys, audit::add, Clock.fixed(NOW, ZoneOffset.UTC),
            registry);
    private final SecurityEvent original = SecurityEvent.builder().event(eventId("doc-9"))
            .message("手机13800138000，卡号6222021234567894")
            .user(new SecurityEvent.User("zhangsan", "11010519491231002X", null)).build();
    private final SecurityEvent stored = new PiiProtector(POLICY, keys, PiiFixtures.RANDOM, registry).protect(original);

    @Test
    void permittedCallerGetsTheOriginalValuesAndIsAudited() {
        SecurityEvent revealed = revealer.reveal(OFFICER, "case 2026-117", stored);
        assertThat(revealed.message()).isEqualTo(original.message());
        assertThat(revealed.user().id()).isEqualTo("11010519491231002X");
        assertThat(revealed.user().name()).as("a mask does not come back").isEqualTo("z*******");
        assertThat(audit).containsExactly(
                new RevealRecord(NOW, "wang", OFFICER.roles(), "doc-9", "user.id", "case 2026-117",
                        RevealRecord.Outcome.REVEALED, null),
                new RevealRecord(NOW, "wang", OFFICER.roles(), "doc-9", "message", "case 2026-117",
                        RevealRecord.Outcome.REVEALED, null));
        assertThat(audit.toString()).doesNotContain("13800138000").doesNotContain("11010519491231002X");
    }

    @Test
    void singleValueRevealForAListedPrincipal() {
        String plain = revealer.reveal(new RevealCaller("auditor-li", Set.of()), "complaint 88", "user.id", "doc-9",
                stored.user().id());
        assertThat(plain).isEqualTo("11010519491231002X");
        assertThat(audit).singleElement().extracting(RevealRecord::outcome).isEqualTo(RevealRecord.Outcome.REVEALED);
    }

    @Test
    void otherCallersAreRefusedAndAudited() {
        assertThatThrownBy(() -> revealer.reveal(ANALYST, "curious", stored))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.NOT_PERMITTED))
                .hasMessageContaining("zhao").hasMessageNotContaining("13800138000");
        assertThat(audit).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(RevealRecord.Outcome.REFUSED);
            assertThat(r.failure()).isEqualTo(CryptoFailure.Reason.NOT_PERMITTED);
            assertThat(r.principal()).isEqualTo("zhao");
            assertThat(r.documentId()).isEqualTo("doc-9");
            assertThat(r.reason()).isEqualTo("curious");
        });
        assertThat(audit).extracting(RevealRecord::field).containsExactly("user.id", "message");
        assertThat(registry.find("fenghuo.pii.reveals").tag("outcome", "refused").counter().count()).isEqualTo(2);
    }

    @Test
    void aReasonIsRequiredEvenFromAPermittedCaller() {
        assertThatThrownBy(() -> revealer.reveal(OFFICER, " ", "user.id", "doc-9", stored.user().id()))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.NOT_PERMITTED))
                .hasMessageContaining("reason");
        assertThat(audit).singleElement().extracting(RevealRecord::outcome).isEqualTo(RevealRecord.Outcome.REFUSED);
    }

    @Test
    void anEmptyOrInvisiblePrincipalAndAnInvisibleOrTooShortReasonAreRefused() {
        PiiRevealer r = revealer;
        String sealed = stored.user().id();
        for (RevealCaller nobody : List.of(new RevealCaller("", Set.of("pii-officer")),
                new RevealCaller("\u200b\u00a0 ", Set.of("pii-officer")))) {
            assertThatThrownBy(() -> r.reveal(nobody, "case 2026-117", "user.id", "doc-9", sealed))
                    .isInstanceOfSatisfying(CryptoFailure.class,
                            f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.NOT_PERMITTED))
                    .hasMessageContaining("named principal");
        }
        for (String reason : List.of("\u200b", "\u200b\u200b\u200b\u200b\u200b", "ok ", "\u202e\u2060ab")) {
            assertThatThrownBy(() -> r.reveal(OFFICER, reason, "user.id", "doc-9", sealed))
                    .isInstanceOfSatisfying(CryptoFailure.class,
                            f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.NOT_PERMITTED))
                    .hasMessageContaining("reason");
        }
        assertThat(audit).hasSize(6).allMatch(a -> a.outcome() == RevealRecord.Outcome.REFUSED);
        assertThat(r.reveal(OFFICER, "案件117", "user.id", "doc-9", sealed)).isEqualTo("11010519491231002X");
    }

    @Test
    void tamperedValueFailsAuthenticationAndIsAudited() {
        String sealed = stored.user().id();
        // a character inside the body: all its 6 bits count (the last one may carry ignored padding bits)
        int at = FieldEnvelope.header(sealed).bodyStart() + 20;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> revealer.reveal(OFFICER, "case 1", "user.id", "doc-9", tampered))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(RevealRecord.Outcome.FAILED);
            assertThat(r.failure()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED);
        });
    }

    @Test
    void valueMovedToAnotherDocumentOrFieldDoesNotOpen() {
        assertThatThrownBy(() -> revealer.reveal(OFFICER, "case 1", "user.id", "doc-10", stored.user().id()))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
        assertThatThrownBy(() -> revealer.reveal(OFFICER, "case 1", "user.name", "doc-9", stored.user().id()))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void tamperedTokenInAProtectedEventFails() {
        String message = stored.message();
        int token = message.indexOf("sm4gcm:v1:");
        int body = message.indexOf(':', message.indexOf(":1:", token) + 1) + 1;
        String tampered = message.substring(0, body) + (message.charAt(body) == 'A' ? 'B' : 'A')
                + message.substring(body + 1);
        SecurityEvent bad = stored.toBuilder().message(tampered).build();
        assertThatThrownBy(() -> revealer.reveal(OFFICER, "case 1", bad))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.AUTHENTICATION_FAILED));
        assertThat(audit).extracting(RevealRecord::outcome).containsExactly(RevealRecord.Outcome.FAILED);
    }

    @Test
    void auditSinkFailureStopsTheReveal() {
        PiiRevealer strict = new PiiRevealer(POLICY, keys, r -> {
            throw new IllegalStateException("audit store down");
        }, Clock.systemUTC(), registry);
        assertThatThrownBy(() -> strict.reveal(OFFICER, "case 1", "user.id", "doc-9", stored.user().id()))
                .isInstanceOf(IllegalStateException.class).hasMessage("audit store down");
    }

    @Test
    void plainValueIsMalformedInput() {
        assertThatThrownBy(() -> revealer.reveal(OFFICER, "case 1", "user.name", "doc-9", "z*******"))
                .isInstanceOfSatisfying(CryptoFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_INPUT));
    }
}
