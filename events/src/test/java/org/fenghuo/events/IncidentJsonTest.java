package org.fenghuo.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentJsonTest {

    private static Incident incident(IncidentCategory category, WarningLevel warning) {
        return new Incident("inc-1", Instant.parse("2026-11-23T10:00:00Z"), Instant.parse("2026-11-23T10:05:30Z"),
                "Brute force then login from 203.0.113.9", IncidentStatus.IN_PROGRESS, Severity.CRITICAL, 88,
                List.of("a1", "a2", "a3"),
                new Entities(List.of("203.0.113.9"), List.of("10.0.0.1", "203.0.113.9"), List.of("root"), List.of("gw1")),
                List.of(AttackTactic.CREDENTIAL_ACCESS, AttackTactic.LATERAL_MOVEMENT),
                List.of(AttackTechnique.of("T1110.001")), category, warning);
    }

    @Test
    void anIncidentIsWrittenAsTheEcsStateOfTheIncident() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(IncidentJson.toJson(incident(IncidentCategory.NETWORK_ATTACK,
                WarningLevel.ORANGE)));

        assertThat(doc.at("/@timestamp").asText()).isEqualTo("2026-11-23T10:00:00.000Z");
        assertThat(doc.at("/message").asText()).isEqualTo("Brute force then login from 203.0.113.9");
        assertThat(doc.at("/event/kind").asText()).isEqualTo("state");
        assertThat(doc.at("/event/id").asText()).isEqualTo("inc-1");
        assertThat(doc.at("/event/risk_score").asInt()).isEqualTo(88);
        assertThat(doc.at("/threat/tactic/id").toString()).isEqualTo("[\"TA0006\",\"TA0008\"]");
        assertThat(doc.at("/threat/technique/id/0").asText()).isEqualTo("T1110.001");
        assertThat(doc.at("/related/ip").toString()).isEqualTo("[\"203.0.113.9\",\"10.0.0.1\"]");
        assertThat(doc.at("/related/hosts/0").asText()).isEqualTo("gw1");
        assertThat(doc.at("/fenghuo/severity").asText()).isEqualTo("critical");
        assertThat(doc.at("/fenghuo/entities/destination_ip/1").asText()).isEqualTo("203.0.113.9");

        JsonNode inc = doc.at("/fenghuo/incident");
        assertThat(inc.at("/status").asText()).isEqualTo("in_progress");
        assertThat(inc.at("/updated").asText()).isEqualTo("2026-11-23T10:05:30.000Z");
        assertThat(inc.at("/alert_ids").toString()).isEqualTo("[\"a1\",\"a2\",\"a3\"]");
        assertThat(inc.at("/alert_count").asInt()).isEqualTo(3);
        assertThat(inc.at("/category/code").asText()).isEqualTo("02");
        assertThat(inc.at("/category/name").asText()).isEqualTo("网络攻击事件");
        assertThat(inc.at("/category/name_en").asText()).isEqualTo("Network attack incident");
        assertThat(inc.at("/warning_level").asText()).isEqualTo("orange");
        assertThat(inc.at("/warning_name").asText()).isEqualTo("橙色预警");
        assertThat(inc.at("/level").asText()).isEqualTo("II");
        assertThat(inc.at("/level_number").asInt()).isEqualTo(2);
        assertThat(inc.at("/level_name").asText()).isEqualTo("重大事件");
        assertThat(inc.at("/level_name_en").asText()).isEqualTo("Serious incident");
    }

    @Test
    void eachWarningColourCarriesItsOwnLevel() throws Exception {
        for (WarningLevel w : WarningLevel.values()) {
            JsonNode inc = new ObjectMapper().readTree(IncidentJson.toJson(incident(IncidentCategory.OTHER, w)))
                    .at("/fenghuo/incident");
            assertThat(inc.at("/warning_level").asText()).isEqualTo(w.value());
            assertThat(inc.at("/level").asText()).isEqualTo(w.gbLevel());
            assertThat(inc.at("/level_name").asText()).isEqualTo(w.incidentLevelChinese());
        }
    }

    @Test
    void anUnclassifiedIncidentWithoutWarningLeavesThoseFieldsOut() throws Exception {
        Incident bare = new Incident("inc-2", Instant.EPOCH, null, null, IncidentStatus.OPEN, Severity.LOW, 21, null,
                null, null, null, null, null);
        JsonNode doc = new ObjectMapper().readTree(IncidentJson.toJson(bare));
        assertThat(doc.has("threat")).isFalse();
        assertThat(doc.has("related")).isFalse();
        assertThat(doc.at("/fenghuo/incident/category").isMissingNode()).isTrue();
        assertThat(doc.at("/fenghuo/incident/warning_level").isMissingNode()).isTrue();
        assertThat(doc.at("/fenghuo/incident/level").isMissingNode()).isTrue();
        assertThat(doc.at("/fenghuo/incident/alert_count").asInt(-1)).isZero();
        assertThat(doc.at("/fenghuo/incident/updated").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
    }
}
