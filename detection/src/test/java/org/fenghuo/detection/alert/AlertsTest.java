package org.fenghuo.detection.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private static final RuleInfo RULE = new RuleInfo("fenghuo.test.rule", "Test rule", "1", Severity.HIGH,
            IncidentCategory.NETWORK_ATTACK, List.of(AttackTactic.DISCOVERY), List.of(AttackTechnique.of("T1046")));

    @Test
    void anAlertCarriesTheRuleTheEvidenceAndItsEntitiesTimedAtTheLatestEvent() {
        Alert alert = Alerts.of(RULE, List.of(event("e2", 20, "10.0.0.9", "10.0.0.1"),
                event("e1", 10, "10.0.0.9", "10.0.0.2")), "2 probes");
        assertThat(alert.timestamp()).isEqualTo(Instant.ofEpochSecond(20));
        assertThat(alert.eventIds()).containsExactly("e2", "e1");
        assertThat(alert.entities().sourceIps()).containsExactly("10.0.0.9");
        assertThat(alert.entities().destinationIps()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(alert.riskScore()).isEqualTo(Severity.HIGH.riskScore());
        assertThat(alert.category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(alert.techniques()).extracting(AttackTechnique::id).containsExactly("T1046");
    }

    @Test
    void theIdIsTheSameForTheSameInputAndDiffersOtherwise() {
        Alert a = Alerts.of(RULE, List.of(event("e1", 10, "1.1.1.1", null)), "m");
        Alert again = Alerts.of(RULE, List.of(event("e1", 10, "1.1.1.1", null)), "m");
        Alert c = Alerts.of(RULE, List.of(event("e2", 10, "1.1.1.1", null)), "m");
        assertThat(a.id()).isEqualTo(again.id()).isNotEqualTo(c.id());
        assertThat(Alerts.id("r", Instant.EPOCH, List.of("ab", "c"), Entities.NONE, "m"))
                .isNotEqualTo(Alerts.id("r", Instant.EPOCH, List.of("a", "bc"), Entities.NONE, "m"));
        // evidence without event ids: the sources still tell the alerts apart
        Alert one = Alerts.of(RULE, List.of(event(null, 10, "10.0.0.1", null)), "m");
        Alert two = Alerts.of(RULE, List.of(event(null, 10, "10.0.0.2", null)), "m");
        assertThat(one.id()).isNotEqualTo(two.id());
        assertThat(Alerts.of(RULE, Instant.EPOCH, List.of(), Entities.NONE, "group 10.0.0.1").id())
                .isNotEqualTo(Alerts.of(RULE, Instant.EPOCH, List.of(), Entities.NONE, "group 10.0.0.2").id());
    }

    @Test
    void evidenceIsCappedAndAnEmptyOrUntimedOneIsRefused() {
        List<SecurityEvent> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(event("e" + i, i, "10.0.0.9", "10.0.1." + (i % 200)));
        }
        Alert alert = Alerts.of(RULE, many, "250 probes");
        assertThat(alert.eventIds()).hasSize(Alerts.MAX_EVIDENCE).startsWith("e0");
        assertThat(alert.entities().destinationIps()).hasSize(200);
        assertThatThrownBy(() -> Alerts.of(RULE, List.of(), "m")).hasMessageContaining("at least one");
        SecurityEvent untimed = SecurityEvent.builder().build();
        assertThatThrownBy(() -> Alerts.of(RULE, List.of(untimed), "m")).hasMessageContaining("@timestamp");
        assertThat(Alerts.of(RULE, Instant.EPOCH, List.of(), Entities.NONE, "m").eventIds()).isEmpty();
    }

    @Test
    void whateverTheEventsHoldTheAlertStaysSmallEnoughForAKafkaRecord() {
        // 300 events, each with its own 60 KB user name and host name and a 2 KB event id
        List<SecurityEvent> evidence = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String big = (i + "-").repeat(20_000);
            evidence.add(SecurityEvent.builder().timestamp(Instant.ofEpochSecond(i))
                    .event(new SecurityEvent.EventInfo(big.substring(0, 2_000), "event", null, null, null, null, null,
                            null, null, null, null, null, null, null, null, null))
                    .source(new SecurityEvent.Endpoint("10.0." + (i / 256) + "." + (i % 256), null, null, null, null,
                            null, null))
                    .user(new SecurityEvent.User(big, null, null)).host(new SecurityEvent.Host(big, big, null))
                    .build());
        }
        Alert alert = Alerts.of(RULE, evidence, "x".repeat(100_000));

        assertThat(alert.entities().users()).hasSize(Alerts.MAX_ENTITY_VALUES)
                .allSatisfy(u -> assertThat(u).hasSize(Alerts.MAX_VALUE_CHARS).endsWith(Alerts.CUT_MARK));
        assertThat(alert.entities().hosts()).hasSize(Alerts.MAX_ENTITY_VALUES);
        assertThat(alert.entities().sourceIps()).hasSize(Alerts.MAX_ENTITY_VALUES).contains("10.0.0.0");
        // ids too long for an Elasticsearch _id become the hash the event sink indexes their events under
        assertThat(alert.eventIds()).hasSize(Alerts.MAX_EVIDENCE)
                .containsExactlyElementsOf(evidence.subList(0, Alerts.MAX_EVIDENCE).stream()
                        .map(e -> org.fenghuo.events.EventIds.contentHash(e.event().id())).toList())
                .allSatisfy(id -> assertThat(id).hasSize(32));
        assertThat(alert.message()).hasSize(Alerts.MAX_MESSAGE_CHARS).endsWith(Alerts.CUT_MARK);
        assertThat(org.fenghuo.events.AlertJson.toJson(alert).getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(1 << 19);
        assertThat(Alerts.of(RULE, evidence, "x".repeat(100_000)).id()).isEqualTo(alert.id());
        // short values are kept as they are
        assertThat(Alerts.of(RULE, List.of(event("e1", 1, "10.0.0.1", null)), "m").entities().sourceIps())
                .containsExactly("10.0.0.1");
    }

    private static SecurityEvent event(String id, long second, String src, String dst) {
        return SecurityEvent.builder().timestamp(Instant.ofEpochSecond(second))
                .event(new SecurityEvent.EventInfo(id, "event", null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null))
                .source(src == null ? null : new SecurityEvent.Endpoint(src, null, null, null, null, null, null))
                .destination(dst == null ? null : new SecurityEvent.Endpoint(dst, null, null, null, null, null, null))
                .build();
    }
}
