package org.fenghuo.correlation.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.Entities;
import org.junit.jupiter.api.Test;

class AlertHitsTest {
    @Test
    void theHitCarriesTheAlertsEntitiesIdRuleAndSeverity() {
        Alert a = PackRun.alert("fenghuo.anomaly.port_scan.horizontal", 30, new Entities(List.of("203.0.113.66"),
                List.of("172.16.10.22", "172.16.10.23"), List.of("root"), List.of("bastion")));
        RuleHit h = AlertHits.of(a);
        assertThat(h.ruleId()).isEqualTo(a.ruleId());
        assertThat(h.ruleName()).isEqualTo(a.ruleName());
        assertThat(h.timestamp()).isEqualTo(a.timestamp());
        assertThat(h.event().timestamp()).isEqualTo(a.timestamp());
        assertThat(h.event().event().id()).isEqualTo(a.id());
        assertThat(h.event().event().kind()).isEqualTo("alert");
        assertThat(h.event().event().severity()).isEqualTo(a.riskScore());
        assertThat(h.event().source().ip()).isEqualTo("203.0.113.66");
        assertThat(h.event().destination().ip()).isEqualTo("172.16.10.22");
        assertThat(h.event().user().name()).isEqualTo("root");
        assertThat(h.event().host().name()).isEqualTo("bastion");
        assertThat(h.event().message()).isEqualTo(a.message());
        assertThat(EcsFieldPath.of("rule.id").get(h.event())).isEqualTo(a.ruleId());
        assertThat(EcsFieldPath.of("related.ip").get(h.event()))
                .isEqualTo(List.of("203.0.113.66", "172.16.10.22", "172.16.10.23"));
    }

    @Test
    void anAlertWithoutEntitiesGivesAHitWithout() {
        RuleHit h = AlertHits.of(PackRun.alert("fenghuo.ioc.feed", 0, Entities.NONE));
        assertThat(h.event().source()).isNull();
        assertThat(h.event().destination()).isNull();
        assertThat(h.event().user()).isNull();
        assertThat(h.event().host()).isNull();
        assertThat(EcsFieldPath.of("related.ip").get(h.event())).isNull();
    }
}
