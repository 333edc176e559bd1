package org.fenghuo.crypto.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Map;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.InMemoryKeyRing;
import org.junit.jupiter.api.Test;

class DocumentReencryptorTest {

    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void reSealsOldValuesAtEveryDepthWithTheirPathAndEventId() throws Exception {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String email = envelope.seal("li.lei@example.cn", "10:user.email|ev-1");
        String name0 = envelope.seal("Li Lei", "12:related.user|ev-1");
        String name1 = envelope.seal("Han Meimei", "12:related.user|ev-1");
        String dotted = envelope.seal("13800138000", "10:user.phone|ev-1");
        keys.rotate();
        String current = envelope.seal("110105199001011234", "7:user.id|ev-1");
        ObjectNode doc = (ObjectNode) json.readTree("{\"event\":{\"id\":\"ev-1\"},\"user\":{\"email\":\"" + email
                + "\",\"id\":\"" + current + "\"},\"related\":{\"user\":[\"" + name0 + "\",\"" + name1 + "\",\"plain\"]},"
                + "\"user.phone\":\"" + dotted + "\",\"message\":\"no secret\"}");

        DocumentReencryptor.Outcome outcome = new DocumentReencryptor(keys, envelope, SealedValueContext.ECS_EVENT_ID)
                .reencrypt(doc);

        assertThat(outcome.reencrypted).isEqualTo(4);
        assertThat(outcome.current).isEqualTo(1);
        assertThat(outcome.failed).isEmpty();
        assertThat(version(doc.path("user").path("email").asText())).isEqualTo(2);
        assertThat(envelope.open(doc.path("user").path("email").asText(), "10:user.email|ev-1")).isEqualTo("li.lei@example.cn");
        assertThat(envelope.open(doc.path("related").path("user").get(1).asText(), "12:related.user|ev-1")).isEqualTo("Han Meimei");
        assertThat(doc.path("related").path("user").get(2).asText()).isEqualTo("plain");
        assertThat(envelope.open(doc.path("user.phone").asText(), "10:user.phone|ev-1")).isEqualTo("13800138000");
        assertThat(doc.path("user").path("id").asText()).isEqualTo(current);
    }

    @Test
    void valuesThatDoNotOpenStayAndAreCountedByReason() throws Exception {
        InMemoryKeyRing keys = new InMemoryKeyRing("pii", random);
        FieldEnvelope envelope = new FieldEnvelope(keys, random);
        String moved = envelope.seal("x", "10:user.email|ev-OTHER");
        String unknown = envelope.seal("y", "9:user.name|ev-1").replace("sm4gcm:v1:pii:1:", "sm4gcm:v1:pii:9:");
        keys.rotate();
        ObjectNode doc = (ObjectNode) json.readTree("{\"event\":{\"id\":\"ev-1\"},\"user\":{\"email\":\"" + moved
                + "\",\"name\":\"" + unknown + "\",\"domain\":\"sm4gcm:v1:broken\"}}");
        ObjectNode noId = (ObjectNode) json.readTree("{\"user\":{\"email\":\"" + moved + "\"}}");
        DocumentReencryptor reencryptor = new DocumentReencryptor(keys, envelope, SealedValueContext.ECS_EVENT_ID);

        DocumentReencryptor.Outcome outcome = reencryptor.reencrypt(doc);
        DocumentReencryptor.Outcome withoutId = reencryptor.reencrypt(noId);

        assertThat(outcome.reencrypted).isZero();
        assertThat(outcome.failed).isEqualTo(Map.of("authentication_failed", 1L, "missing_key", 1L, "malformed_input", 1L));
        assertThat(doc.path("user").path("email").asText()).isEqualTo(moved);
        assertThat(withoutId.failed).isEqualTo(Map.of(DocumentReencryptor.NO_DOCUMENT_ID, 1L));
    }

    @Test
    void theContextConventionIsLengthFieldPathBarEventId() throws Exception {
        assertThat(SealedValueContext.of("user.email", "ev-7")).isEqualTo("10:user.email|ev-7");
        assertThat(SealedValueContext.ECS_EVENT_ID.contextOf("user.name", json.readTree("{\"event.id\":\"ev-8\"}")))
                .isEqualTo("9:user.name|ev-8");
        assertThat(SealedValueContext.ECS_EVENT_ID.contextOf("user.name", json.readTree("{\"event\":{}}"))).isNull();
    }

    private static int version(String sealed) {
        return FieldEnvelope.header(sealed).keyVersion();
    }
}
