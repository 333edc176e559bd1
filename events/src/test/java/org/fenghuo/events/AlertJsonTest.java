package org.fenghuo.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertJsonTest {

    @Test
    void anAlertIsWrittenAsAnEcsAlertDocument() throws Exception {
        Alert alert = new Alert("a-1", Instant.parse("2026-11-23T10:00:00Z"), "rule-1", "SSH brute force", "3",
                Severity.HIGH, 73, IncidentCategory.NETWORK_ATTACK, List.of("e1", "e2"),
                new Entities(List.of("203.0.113.9"), List.of("10.0.0.1", "203.0.113.9"), List.of("root"), List.of()),
                List.of(AttackTactic.CREDENTIAL_ACCESS), List.of(AttackTechnique.of("T1110.001")), "12 failed logins");
        JsonNode doc = new ObjectMapper().readTree(AlertJson.toJson(alert));

        assertThat(doc.at("/@timestamp").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
        assertThat(doc.at("/event/kind").asText()).isEqualTo("alert");
        assertThat(doc.at("/event/id").asText()).isEqualTo("a-1");
        assertThat(doc.at("/event/risk_score").asInt()).isEqualTo(73);
        assertThat(doc.at("/rule/name").asText()).isEqualTo("SSH brute force");
        assertThat(doc.at("/threat/tactic/id/0").asText()).isEqualTo("TA0006");
        assertThat(doc.at("/threat/technique/id/0").asText()).isEqualTo("T1110.001");
        assertThat(doc.at("/related/ip").toString()).isEqualTo("[\"203.0.113.9\",\"10.0.0.1\"]");
        assertThat(doc.at("/related/hosts").isMissingNode()).isTrue();
        assertThat(doc.at("/fenghuo/severity").asText()).isEqualTo("high");
        assertThat(doc.at("/fenghuo/category/code").asText()).isEqualTo("02");
        assertThat(doc.at("/fenghuo/category/name").asText()).isEqualTo("网络攻击事件");
        assertThat(doc.at("/fenghuo/event_ids").toString()).isEqualTo("[\"e1\",\"e2\"]");
        assertThat(doc.at("/fenghuo/entities/destination_ip/1").asText()).isEqualTo("203.0.113.9");
        assertThat(doc.at("/message").asText()).isEqualTo("12 failed logins");
    }

    @Test
    void anAlertWithoutAttackMappingHasNoThreatObject() throws Exception {
        Alert bare = new Alert("a", Instant.EPOCH, "r", null, null, Severity.LOW, 21, IncidentCategory.OTHER, null,
                null, null, null, null);
        JsonNode doc = new ObjectMapper().readTree(AlertJson.toJson(bare));
        assertThat(doc.has("threat")).isFalse();
        assertThat(doc.has("related")).isFalse();
        assertThat(doc.at("/rule/id").asText()).isEqualTo("r");
    }
}
