package org.fenghuo.correlation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fenghuo.correlation.pack.BuiltInPack;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proof in plain Java ({@link PlainJudgement}): the scenario through detection and the pack finds exactly the
 * attack, the background alone finds nothing, and a seed fixes everything down to the alert ids.
 */
class DistrictScenarioTest {
    private static DistrictScenario scenario;
    private static PlainJudgement.Result run;

    @BeforeAll
    static void runTheDefaultScenario() {
        scenario = DistrictScenario.defaults();
        run = PlainJudgement.run(scenario);
    }

    @Test
    void thePackFindsEachStageOfTheAttackOnceWithItsEntitiesAndTactics() {
        ExpectedAttack x = scenario.expected();
        assertThat(run.correlated()).extracting(Alert::ruleId).containsExactlyElementsOf(x.correlationRuleIds());
        assertThat(x.correlationRuleIds()).containsExactly(BuiltInPack.INTRUSION_CHAIN, BuiltInPack.LATERAL_MOVEMENT,
                BuiltInPack.C2_AFTER_THREAT_INTEL, BuiltInPack.DNS_TUNNEL_EXFILTRATION,
                BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION);
        for (ExpectedAttack.Stage s : x.stages()) {
            if (s.correlationRuleId() != null) {
                assertThat(run.correlated()).filteredOn(a -> a.ruleId().equals(s.correlationRuleId()))
                        .extracting(Alert::timestamp).as(s.name()).containsExactly(s.correlationAt());
            }
        }
        assertThat(run.correlated()).extracting(Alert::message).satisfiesExactly(
                m -> assertThat(m).startsWith("scan, brute force and successful login from " + x.attacker() + " as "
                        + x.user()).endsWith("[source.ip=" + x.attacker() + " user.name=" + x.user() + "]"),
                m -> assertThat(m).startsWith(x.foothold() + " logged in to 5 distinct hosts within 10m (threshold 5)")
                        .endsWith("[source.ip=" + x.foothold() + " user.name=root]"),
                m -> assertThat(m).startsWith(x.foothold() + " beacons to " + x.c2() + " after a threat-intelligence hit"
                        + " (Threat intelligence match: district_ti"),
                m -> assertThat(m).startsWith(x.foothold() + ": DNS tunnelling at ")
                        .endsWith("[source.ip=" + x.foothold() + " destination.ip=" + x.exfiltrationDrop() + "]"),
                m -> assertThat(m).startsWith("remote session from " + x.foothold() + " to engineering host "
                        + x.engineeringHost() + ":3389").contains("followed by modbus write_multiple_registers to"
                        + " critical asset " + x.writtenPlcs().get(0)));
        Set<AttackTactic> tactics = new LinkedHashSet<>();
        run.correlated().forEach(a -> tactics.addAll(a.tactics()));
        assertThat(tactics).containsExactlyInAnyOrderElementsOf(x.tactics());
    }

    @Test
    void detectionAlertsOnTheAttackOnlyAndExactlyAsOften() {
        Map<String, Long> counts = run.detectionAlerts().stream()
                .collect(Collectors.groupingBy(Alert::ruleId, TreeMap::new, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fenghuo.anomaly.port_scan.horizontal", 1L,
                "fenghuo.anomaly.brute_force", 1L,
                "fenghuo.anomaly.brute_force.success", 1L,
                "fenghuo.ioc.district_ti", 13L, // the C2 lookup and its 12 calls
                "fenghuo.anomaly.beaconing", 1L,
                "fenghuo.anomaly.dns_tunnel", 1L,
                "fenghuo.anomaly.volume.egress", 1L,
                "fenghuo.anomaly.ics.unauthorized_command", 2L)); // one per PLC and function
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(scenario.expected().detectorRuleIds());
        ExpectedAttack x = scenario.expected();
        assertThat(run.detectionAlerts()).allSatisfy(a -> assertThat(a.timestamp())
                .isBetween(x.start(), x.end().plusSeconds(300)));
    }

    @Test
    void theBackgroundAloneRaisesNothing() {
        DistrictScenario quiet = new DistrictScenario(ScenarioSettings.defaults().withoutAttack());
        PlainJudgement.Result background = PlainJudgement.run(quiet);
        assertThat(background.events()).isBetween(45_000L, 55_000L);
        assertThat(background.marks()).as("background logins reach the lateral-movement rule").isGreaterThan(1_000);
        assertThat(background.detectionAlerts()).isEmpty();
        assertThat(background.correlated()).isEmpty();
        assertThat(run.events()).isEqualTo(background.events() + scenario.attackEvents().size());
    }

    @Test
    void theSameSeedGivesTheSameAlertIdsAndAnotherSeedOtherEventsButTheSameFindings() {
        PlainJudgement.Result again = PlainJudgement.run(DistrictScenario.defaults());
        assertThat(again.correlated()).extracting(Alert::id).containsExactlyElementsOf(
                run.correlated().stream().map(Alert::id).toList());
        assertThat(again.detectionAlerts()).extracting(Alert::id).containsExactlyElementsOf(
                run.detectionAlerts().stream().map(Alert::id).toList());
        PlainJudgement.Result other = PlainJudgement.run(
                new DistrictScenario(ScenarioSettings.defaults().withSeed(8)));
        assertThat(other.correlated()).extracting(Alert::ruleId).containsExactlyElementsOf(
                scenario.expected().correlationRuleIds());
        assertThat(other.detectionAlerts()).extracting(Alert::id).doesNotContainAnyElementsOf(
                run.detectionAlerts().stream().map(Alert::id).toList());
    }

    @Test
    void theCorrelationAlertsCarryTheirRulesClassification() {
        assertThat(run.correlated()).extracting(Alert::ruleId, Alert::category, Alert::severity).containsExactly(
                tuple(BuiltInPack.INTRUSION_CHAIN, BuiltInPack.INTRUSION_CHAIN_RULE.category(),
                        BuiltInPack.INTRUSION_CHAIN_RULE.severity()),
                tuple(BuiltInPack.LATERAL_MOVEMENT, BuiltInPack.LATERAL_MOVEMENT_RULE.category(),
                        BuiltInPack.LATERAL_MOVEMENT_RULE.severity()),
                tuple(BuiltInPack.C2_AFTER_THREAT_INTEL, BuiltInPack.C2_AFTER_THREAT_INTEL_RULE.category(),
                        BuiltInPack.C2_AFTER_THREAT_INTEL_RULE.severity()),
                tuple(BuiltInPack.DNS_TUNNEL_EXFILTRATION, BuiltInPack.DNS_TUNNEL_EXFILTRATION_RULE.category(),
                        BuiltInPack.DNS_TUNNEL_EXFILTRATION_RULE.severity()),
                tuple(BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION,
                        BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION_RULE.category(),
                        BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION_RULE.severity()));
        assertThat(List.copyOf(scenario.expected().tactics())).contains(AttackTactic.IMPACT,
                AttackTactic.LATERAL_MOVEMENT, AttackTactic.EXFILTRATION);
    }
}
