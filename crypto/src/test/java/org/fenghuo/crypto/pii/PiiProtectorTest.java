package org.fenghuo.crypto.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.crypto.pii.PiiFixtures.count;
import static org.fenghuo.crypto.pii.PiiFixtures.eventId;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class PiiProtectorTest {

    private static final PiiPolicy POLICY = PiiFixtures.policy("""
            fields:
              user.id: { kind: id_number, actions: [encrypt, blind_index] }
              user.name: { actions: [mask, blind_index] }
              user.email: { kind: email, actions: [mask] }
              user.domain: { actions: [drop] }
              related.user: { actions: [encrypt] }
              fenghuo.passengers: { kind: phone, actions: [encrypt, blind_index] }
            scan:
              message: { replace: seal }
              url: { replace: mask }
              labels: { replace: mask }
              log.syslog.structured_data: { replace: mask }
            """);

    private final InMemoryKeyRing keys = PiiFixtures.keys();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PiiProtector protector = new PiiProtector(POLICY, keys, PiiFixtures.RANDOM, registry);
    private final FieldEnvelope envelope = new FieldEnvelope(keys, PiiFixtures.RANDOM);
    private final BlindIndex blind = new BlindIndex(keys, POLICY);

    private static Object get(SecurityEvent e, String field) {
        return EcsFieldPath.of(field).get(e);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> terms(SecurityEvent e) {
        return (List<Object>) get(e, BlindIndex.TERMS_FIELD);
    }

    @Test
    void fieldActionsEncryptIndexMaskAndDrop() {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-1"))
                .user(new SecurityEvent.User("zhangsan", "11010519491231002x", "CITY"))
                .extraField("user.email", "zhang.san@example.com")
                .extraField("related.user", List.of("zhangsan", "张三"))
                .build();
        SecurityEvent out = protector.protect(in);

        String sealedId = (String) get(out, "user.id");
        assertThat(FieldEnvelope.header(sealedId).keyId()).isEqualTo("pii");
        assertThat(envelope.open(sealedId, PiiProtector.context("user.id", "doc-1"))).isEqualTo("11010519491231002x");
        assertThat(get(out, "fenghuo.pii.blind.user.id")).isEqualTo(blind.termFor(PiiKind.ID_NUMBER, "11010519491231002X"));
        assertThat(get(out, "user.name")).isEqualTo("z*******");
        assertThat(get(out, "fenghuo.pii.blind.user.name")).isEqualTo(blind.termFor("user.name", "ZhangSan"));
        assertThat(get(out, "user.email")).isEqualTo("z***@example.com");
        assertThat(get(out, "user.domain")).isNull();
        @SuppressWarnings("unchecked")
        List<String> related = (List<String>) get(out, "related.user");
        assertThat(related).hasSize(2).allMatch(FieldEnvelope::isSealed);
        assertThat(envelope.open(related.get(1), PiiProtector.context("related.user", "doc-1"))).isEqualTo("张三");
        assertThat(terms(out)).containsExactlyInAnyOrder(
                blind.termFor(PiiKind.ID_NUMBER, "11010519491231002X"), blind.termFor(PiiKind.TEXT, "zhangsan"));

        assertThat(count(registry, "fenghuo.pii.fields", "action", "encrypt")).isEqualTo(3);
        assertThat(count(registry, "fenghuo.pii.fields", "action", "blind_index")).isEqualTo(2);
        assertThat(count(registry, "fenghuo.pii.fields", "action", "mask")).isEqualTo(2);
        assertThat(count(registry, "fenghuo.pii.fields", "action", "drop")).isEqualTo(1);
    }

    @Test
    void listsOfObjectsAreWalkedLikeElasticsearchArrays() {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-2"))
                .extraField("fenghuo.passengers", List.of(Map.of("phone", "+86 138 0013 8000", "seat", 12),
                        Map.of("phone", 13900139000L)))
                .build();
        SecurityEvent out = protector.protect(in);
        @SuppressWarnings("unchecked")
        List<Object> phones = (List<Object>) get(out, "fenghuo.passengers.phone");
        assertThat(phones).hasSize(2).allMatch(p -> FieldEnvelope.isSealed((String) p));
        assertThat(envelope.open((String) phones.get(1), PiiProtector.context("fenghuo.passengers.phone", "doc-2"))).isEqualTo("13900139000");
        // the seat is a number under the rule's object, so it is sealed too: a rule covers everything below it
        assertThat(get(out, "fenghuo.pii.blind.fenghuo.passengers.phone")).isEqualTo(List.of(
                blind.termFor(PiiKind.PHONE, "13800138000"), blind.termFor(PiiKind.PHONE, "13900139000")));
    }

    @Test
    void freeTextSpansAreSealedOrMaskedInPlace() {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-3"))
                .message("车主手机+86 138-0013-8000，身份证号11010519491231002X。")
                .url(new SecurityEvent.Url("/q?mobile=13800138000", null, null, null, null, "/q", "mobile=13800138000"))
                .labels(Map.of("contact", "li.na@example.cn", "site", "east"))
                .log(new SecurityEvent.Log(null, null, null, null, new SecurityEvent.Syslog(null, null, null, null, null,
                        null, null, null, null, "1", Map.of("c@1", Map.of("m", "13800138000")))))
                .build();
        SecurityEvent out = protector.protect(in);

        assertThat(out.message()).startsWith("车主手机[pii:phone:sm4gcm:v1:pii:1:").contains("，身份证号[pii:id_number:")
                .endsWith("]。");
        String opened = SealedText.openAll(out.message(), (kind, sealed) -> envelope.open(sealed, PiiProtector.context("message", "doc-3")));
        assertThat(opened).isEqualTo(in.message());
        assertThat(out.url().original()).isEqualTo("/q?mobile=138****8000");
        assertThat(out.url().query()).isEqualTo("mobile=138****8000");
        assertThat(out.url().path()).isEqualTo("/q");
        assertThat(out.labels()).containsEntry("contact", "l***@example.cn").containsEntry("site", "east");
        assertThat(out.log().syslog().structuredData().get("c@1")).containsEntry("m", "138****8000");
        assertThat(terms(out)).contains(blind.termFor(PiiKind.PHONE, "13800138000"),
                blind.termFor(PiiKind.ID_NUMBER, "11010519491231002X"));
        // masked scans give no term by default: the e-mail was only in masked labels
        assertThat(terms(out)).doesNotContain(blind.termFor(PiiKind.EMAIL, "li.na@example.cn"));
        assertThat(count(registry, "fenghuo.pii.spans", "kind", "phone")).isEqualTo(4);
        assertThat(count(registry, "fenghuo.pii.spans", "kind", "id_number")).isEqualTo(1);
        assertThat(count(registry, "fenghuo.pii.spans", "kind", "email")).isEqualTo(1);
    }

    @Test
    void eventsWithoutPersonalDataComeBackUnchanged() {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-4")).message("GET /index.html 200")
                .source(new SecurityEvent.Endpoint("10.0.0.1", 1234, null, null, null, 10L, 1L))
                .extraField("source.geo.city_name", "杭州").build();
        assertThat(protector.protect(in)).isSameAs(in);
    }

    @Test
    void withoutDocumentIdEncryptedFieldsAreDroppedAndSealedSpansMasked() {
        SecurityEvent in = SecurityEvent.builder().message("tel 13800138000")
                .user(new SecurityEvent.User(null, "11010519491231002X", null)).build();
        SecurityEvent out = protector.protect(in);
        assertThat(out.user().id()).isNull();
        assertThat(out.message()).isEqualTo("tel 138****8000");
        assertThat(get(out, "fenghuo.pii.blind.user.id")).isNotNull();
        assertThat(count(registry, "fenghuo.pii.failures", "reason", "no_document_id")).isEqualTo(2);
    }

    @Test
    void incomingValuesInTheProtectorsNamespaceAreRemoved() {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-5"))
                .extraField("fenghuo.pii.terms", List.of("forged")).extraField("fenghuo.other", "kept").build();
        SecurityEvent out = protector.protect(in);
        assertThat(get(out, BlindIndex.TERMS_FIELD)).isNull();
        assertThat(get(out, "fenghuo.other")).isEqualTo("kept");
    }

    @Test
    void protectedEventSurvivesTheJsonCodec() throws Exception {
        SecurityEvent in = SecurityEvent.builder().event(eventId("doc-6")).message("mail li.na@example.cn")
                .user(new SecurityEvent.User("lina", "11010519491231002X", null)).build();
        SecurityEvent out = protector.protect(in);
        String json = EcsJsonCodec.toJson(out);
        assertThat(json).doesNotContain("li.na@example.cn").doesNotContain("11010519491231002X").contains("\"pii\"");
        assertThat(EcsJsonCodec.fromJson(json)).isEqualTo(out);
    }
}
