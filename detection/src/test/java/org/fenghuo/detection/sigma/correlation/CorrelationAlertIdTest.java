package org.fenghuo.detection.sigma.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.events.Alert;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Severity;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.detection.alert.RuleInfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two groups matching at the same time on events without {@code event.id} must not share an alert
 * id: the group-by values are in the message (and, for entity fields, in the entities), which
 * {@code Alerts.id} hashes.
 */
class CorrelationAlertIdTest {
    private final List<Alert> alerts = new ArrayList<>();

    /** An event without event.id at T0 + {@code offset}. */
    private static RuleHit idless(String rule, Duration offset, String fields) {
        String json = "{\"@timestamp\":\"" + CorrelationFixtures.T0.plus(offset) + "\"," + fields + "}";
        try {
            return RuleHit.of("id-of-" + rule, rule, EcsJsonCodec.fromJson(json));
        } catch (EcsJsonException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Two groups, each with two id-less hits at the same two instants, with an identical host. */
    private void twoGroups(String groupBy, String first, String second) {
        CorrelationLoadReport r = new CorrelationLoader().load("pair.yml", """
                title: Repeated process start
                correlation: {type: event_count, rules: [proc], group-by: [%s], timespan: 5m, condition: {gte: 2}}
                """.formatted(groupBy));
        assertThat(r.rejected()).isEmpty();
        CorrelationEngine e = new CorrelationEngine(r.correlations(), alerts::add);
        for (int s = 0; s < 2; s++) {
            for (String v : List.of(first, second)) {
                e.accept(idless("proc", Duration.ofSeconds(s), "\"host\":{\"name\":\"hub-1\"}," + v));
            }
        }
        e.finish();
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).timestamp()).isEqualTo(alerts.get(1).timestamp());
        assertThat(alerts).allSatisfy(a -> assertThat(a.eventIds()).isEmpty());
    }

    @Test
    void groupsOnANonEntityFieldDifferInTheirMessage() {
        twoGroups("process.name", "\"process\":{\"name\":\"nc\"}", "\"process\":{\"name\":\"socat\"}");
        assertThat(alerts.get(0).entities()).as("process.name is no entity").isEqualTo(alerts.get(1).entities());
        assertThat(alerts).extracting(Alert::message).satisfiesExactly(
                m -> assertThat(m).endsWith("for process.name=nc"),
                m -> assertThat(m).endsWith("for process.name=socat"));
    }

    @Test
    void groupsOnAnEntityFieldDifferInTheirEntitiesAndMessage() {
        twoGroups("source.ip", "\"source\":{\"ip\":\"10.0.0.1\"}", "\"source\":{\"ip\":\"10.0.0.2\"}");
        assertThat(alerts).extracting(a -> a.entities().sourceIps())
                .containsExactly(List.of("10.0.0.1"), List.of("10.0.0.2"));
        assertThat(alerts.get(0).message()).isNotEqualTo(alerts.get(1).message());
    }

    /** Holds once {@code Alerts.id} hashes entities and message too (the change made in detection/alert). */
    @Test
    void twoGroupsAtTheSameTimeGetDifferentAlertIds() {
        RuleInfo probe = new RuleInfo("probe", "probe", null, Severity.LOW, IncidentCategory.ABNORMAL_BEHAVIOUR,
                List.of(), List.of());
        Alert m1 = Alerts.of(probe, CorrelationFixtures.T0, List.of(), Entities.NONE, "one");
        Alert m2 = Alerts.of(probe, CorrelationFixtures.T0, List.of(), Entities.NONE, "two");
        Assumptions.assumeTrue(!m1.id().equals(m2.id()),
                "Alerts.id does not hash the message yet: needs the detection/alert change hashing entities + message");
        twoGroups("process.name", "\"process\":{\"name\":\"nc\"}", "\"process\":{\"name\":\"socat\"}");
        assertThat(alerts.get(0).id()).isNotEqualTo(alerts.get(1).id());
        alerts.clear();
        twoGroups("source.ip", "\"source\":{\"ip\":\"10.0.0.1\"}", "\"source\":{\"ip\":\"10.0.0.2\"}");
        assertThat(alerts.get(0).id()).isNotEqualTo(alerts.get(1).id());
    }
}
