package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.crypto.pii.PiiFixtures.eventId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.detect.PiiScanner;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** Findings of the security review of {@link PiiProtector}: each test failed before its fix. */
class PiiProtectorHardeningTest {

    private static final PiiPolicy POLICY = PiiFixtures.policy("""
            fields:
              fenghuo.contact: { kind: phone, actions: [encrypt, blind_index] }
            scan:
              message: { replace: seal }
              labels: { replace: seal }
              log.syslog.structured_data: { replace: seal }
            reveal:
              roles: [pii-officer]
            """);

    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PiiProtector protector = new PiiProtector(POLICY, keys, PiiFixtures.RANDOM, registry);
    private final PiiRevealer revealer = new PiiRevealer(POLICY, keys, r -> { }, java.time.Clock.systemUTC(), registry);
    private static final RevealCaller OFFICER = new RevealCaller("wang", Set.of("pii-officer"));

    private static SecurityEvent.Log syslog(Map<String, Map<String, String>> sd) {
        return new SecurityEvent.Log(null, null, null, null,
                new SecurityEvent.Syslog(null, null, null, null, null, null, null, null, null, null, sd));
    }

    @Test
    void senderChosenKeysWithTheContextSeparatorAreSealedAndOpenAgain() throws Exception {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-bar"))
                .labels(Map.of("a|b", "tel 13900139000"))
                .log(syslog(Map.of("ev@1", Map.of("p|q", "13900139000"))))
                .extraField("fenghuo.contact", Map.of("x|y", "13800138000"))
                .build();

        SecurityEvent out = protector.protect(in);

        String json = EcsJsonCodec.toJson(out);
        assertThat(json).doesNotContain("13900139000").doesNotContain("13800138000");
        assertThat(PiiScanner.allKinds().scan(json)).isEmpty();
        assertThat(registry.find("fenghuo.pii.failures").counters()).isEmpty();
        SecurityEvent revealed = revealer.reveal(OFFICER, "case 42", EcsJsonCodec.fromJson(json));
        assertThat(revealed.labels()).containsEntry("a|b", "tel 13900139000");
        assertThat(revealed.log().syslog().structuredData().get("ev@1")).containsEntry("p|q", "13900139000");
        assertThat(EcsFieldPath.of("fenghuo.contact").get(revealed)).isEqualTo(Map.of("x|y", "13800138000"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShippedPolicySealsWholePersonAndEmailObjectsAndTheCatchAllMasksTheRest() {
        PiiPolicy defaults = PiiPolicy.defaults();
        PiiProtector p = new PiiProtector(defaults, keys, PiiFixtures.RANDOM, registry);
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-person"))
                .tags("vip", "13800138000")
                .extraField("fenghuo.person.birth_date", "1990-01-01")
                .extraField("fenghuo.person.old_id", "110105900101123")
                .extraField("fenghuo.person.id_number", "11010519491231002X")
                .extraField("email.from.address", "li.lei@example.cn")
                .extraField("email.subject", "about 京A12345")
                .extraField("x_vendor.notes", List.of("call 13900139000"))
                .build();

        SecurityEvent out = p.protect(in);

        for (String f : List.of("fenghuo.person.birth_date", "fenghuo.person.old_id", "fenghuo.person.id_number",
                "email.from.address", "email.subject")) {
            assertThat((String) EcsFieldPath.of(f).get(out)).as(f).startsWith("sm4gcm:v1:");
        }
        assertThat(out.tags()).containsExactly("vip", "138****8000");
        assertThat(EcsFieldPath.of("x_vendor.notes").get(out)).isEqualTo(List.of("call 139****9000"));
        assertThat(PiiFixtures.count(registry, "fenghuo.pii.catch_all", "kind", "phone")).isEqualTo(2.0);
        BlindIndex index = new BlindIndex(keys, defaults);
        assertThat(index.termFor("fenghuo.person.id_number", "11010519491231002x"))
                .isEqualTo(index.termFor(PiiKind.ID_NUMBER, "11010519491231002X"));
        assertThat((List<Object>) EcsFieldPath.of(BlindIndex.TERMS_FIELD).get(out))
                .contains(index.termFor(PiiKind.ID_NUMBER, "11010519491231002X"),
                        index.termFor(PiiKind.EMAIL, "li.lei@example.cn"));
    }

    @Test
    void aValueThatOnlyLooksSealedIsSealedAndIndexed() throws Exception {
        PiiPolicy policy = PiiFixtures.policy("""
                fields:
                  user.id: { kind: id_number, actions: [encrypt, blind_index] }
                """);
        PiiProtector p = new PiiProtector(policy, keys, PiiFixtures.RANDOM, registry);
        String fake = "sm4gcm:v1:11010519491231002X";
        SecurityEvent out = p.protect(SecurityEvent.builder().event(eventId("doc-fake"))
                .user(new SecurityEvent.User(null, fake, null)).build());

        String stored = out.user().id();
        assertThat(stored).isNotEqualTo(fake).startsWith("sm4gcm:v1:pii:");
        var envelope = new org.fenghuo.crypto.envelope.FieldEnvelope(keys, PiiFixtures.RANDOM);
        assertThat(envelope.open(stored, PiiProtector.context("user.id", "doc-fake"))).isEqualTo(fake);
        assertThat(EcsFieldPath.of(BlindIndex.searchField("user.id")).get(out)).isNotNull();

        // a value really sealed for this field and document is left as it is
        SecurityEvent again = p.protect(out);
        assertThat(again.user().id()).isEqualTo(stored);
    }

    @Test
    void anIdNumberInATextFieldHasTheSameTermAsInAMessage() {
        PiiPolicy defaults = PiiPolicy.defaults();
        PiiProtector p = new PiiProtector(defaults, keys, PiiFixtures.RANDOM, registry);
        String id = "11010519491231002X";
        SecurityEvent inUserId = p.protect(SecurityEvent.builder().event(eventId("doc-a"))
                .user(new SecurityEvent.User(null, id, null)).build());
        SecurityEvent inMessage = p.protect(SecurityEvent.builder().event(eventId("doc-b"))
                .message("身份证" + id.toLowerCase() + "登记").build());
        String term = new BlindIndex(keys, defaults).termFor(PiiKind.ID_NUMBER, id);
        assertThat((List<?>) EcsFieldPath.of(BlindIndex.TERMS_FIELD).get(inUserId)).asList().contains(term);
        assertThat((List<?>) EcsFieldPath.of(BlindIndex.TERMS_FIELD).get(inMessage)).asList().contains(term);
    }

    @Test
    void aKeyThatIsPersonalDataIsMaskedBeforeItsValueIsSealed() throws Exception {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-key"))
                .labels(Map.of("13800138000", "tel 13900139000"))
                .build();
        String json = EcsJsonCodec.toJson(protector.protect(in));
        assertThat(json).doesNotContain("13800138000").doesNotContain("13900139000");
        SecurityEvent revealed = revealer.reveal(OFFICER, "case 42", EcsJsonCodec.fromJson(json));
        assertThat(revealed.labels()).containsExactly(Map.entry("138****8000", "tel 13900139000"));
    }

    @Test
    void aSendersOwnTokenOpeningIsEscapedSoRevealStillWorks() throws Exception {
        String text = "see [pii:phone:sm4gcm:v1:x:1:AAAA] and [pii: then 13800138000";
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-tok")).message(text).build();
        SecurityEvent out = protector.protect(in);
        assertThat(out.message()).doesNotContain("13800138000").startsWith("see [pii\\:phone:");
        SecurityEvent revealed = revealer.reveal(OFFICER, "case 42", EcsJsonCodec.fromJson(EcsJsonCodec.toJson(out)));
        assertThat(revealed.message()).isEqualTo(text.replace("[pii:", "[pii\\:"));
    }

    @Test
    void keysThatCollideAsBlindFieldsCostOnlyTheirPerFieldTerm() {
        PiiPolicy policy = PiiFixtures.policy("""
                fields:
                  labels: { kind: phone, actions: [encrypt, blind_index] }
                """);
        PiiProtector p = new PiiProtector(policy, keys, PiiFixtures.RANDOM, registry);
        SecurityEvent out = p.protect(SecurityEvent.builder().event(eventId("doc-dots"))
                .labels(Map.of("a", "13800138000", "a.b", "13900139000")).build());
        assertThat(out.labels().values()).allMatch(v -> v.startsWith("sm4gcm:v1:"));
        assertThat((List<?>) EcsFieldPath.of(BlindIndex.TERMS_FIELD).get(out)).hasSize(2);
        assertThat(PiiFixtures.count(registry, "fenghuo.pii.failures", "reason", "blind_field_conflict")).isPositive();
    }

    @Test
    void anAddressAsANestedExtraKeyIsMasked() throws Exception {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-xkey"))
                .extraField("x_vendor", Map.of("contacts", Map.of("li.na@example.cn", "owner", "13800138000", "tel")))
                .build();
        String json = EcsJsonCodec.toJson(protector.protect(in));
        assertThat(json).doesNotContain("li.na@example.cn").doesNotContain("13800138000").contains("138****8000");
        assertThat(PiiScanner.allKinds().scan(json)).isEmpty();
    }
}
