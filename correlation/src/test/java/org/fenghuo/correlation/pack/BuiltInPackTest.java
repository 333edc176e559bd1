package org.fenghuo.correlation.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.pack.PackRun.at;
import static org.fenghuo.correlation.pack.PackRun.hit;
import static org.fenghuo.correlation.pack.PackRun.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.engine.EplRule;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BuiltInPackTest {
    static final String ATTACKER = "203.0.113.66";
    static final String OTHER = "198.51.100.9";
    static final String HOST = "172.16.10.22";
    static final String C2 = "198.51.100.77";
    static final String SCAN_H = BuiltInPack.SCAN_HORIZONTAL;
    static final String SCAN_V = BuiltInPack.SCAN_VERTICAL;
    static final String BRUTE = BuiltInPack.BRUTE_FORCE;
    static final String LOGIN = BuiltInPack.LOGIN_AFTER_BRUTE_FORCE;
    static final PackSettings DEFAULTS = PackSettings.defaults();

    @Test
    void everyRuleCompilesAndDeploysWithItsRuleInformation() {
        List<EplRule> rules = BuiltInPack.rules(DEFAULTS);
        try (EsperAlertCorrelator c = new EsperAlertCorrelator(List.of(), rules, a -> { })) {
            assertThat(c.rejected()).isEmpty();
        }
        assertThat(rules).extracting(r -> r.rule().id()).containsExactly(BuiltInPack.INTRUSION_CHAIN,
                BuiltInPack.C2_AFTER_THREAT_INTEL, BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION,
                BuiltInPack.DNS_TUNNEL_EXFILTRATION, BuiltInPack.LATERAL_MOVEMENT);
        assertThat(rules).extracting(EplRule::rule).containsExactlyElementsOf(BuiltInPack.ruleInfos());
        // twice each rule's window: what a restore replays (see RestartTest)
        assertThat(rules).extracting(EplRule::window).containsExactly(Duration.ofHours(2), Duration.ofHours(24),
                Duration.ofMinutes(60), Duration.ofHours(2), Duration.ofMinutes(20));
        assertThat(rules).allSatisfy(r -> assertThat(r.rule().techniques()).isNotEmpty());
    }

    @Test
    void otherWindowsAndThresholdsCompileToo() {
        PackSettings s = new PackSettings(Duration.ofSeconds(1), Duration.ofDays(7), Duration.ofMillis(1500),
                Duration.ofMinutes(90), Duration.ofSeconds(30), 2, List.of("10.20.0.50"), List.of("10.20.0.0/24"),
                List.of("10.0.0.0/8"), List.of(3389));
        try (EsperAlertCorrelator c = new EsperAlertCorrelator(List.of(), BuiltInPack.rules(s), a -> { })) {
            assertThat(c.rejected()).isEmpty();
        }
    }

    private static Entities from(String source, String destination, String user, String host) {
        return Entities.of(source, destination, user, host);
    }

    @Nested
    class IntrusionChain {
        private List<RuleHit> chain(String scanSource, long scan, long brute, long login) {
            List<RuleHit> hits = new ArrayList<>(List.of(
                    hit(SCAN_H, scan, new Entities(List.of(scanSource), List.of(HOST, "172.16.10.23"), List.of(),
                            List.of())),
                    hit(BRUTE, brute, from(ATTACKER, null, "root", null)),
                    hit(LOGIN, login, from(ATTACKER, null, "root", "bastion"))));
            hits.sort(java.util.Comparator.comparing(RuleHit::timestamp));
            return hits;
        }

        @Test
        void scanThenBruteForceThenLoginFromOneSourceIsOneAlert() {
            List<RuleHit> hits = new ArrayList<>(chain(ATTACKER, 0, 120, 300));
            // a second scan shape of the same source: still one alert for one login
            hits.add(1, hit(SCAN_V, 10, from(ATTACKER, HOST, null, null)));
            List<Alert> out = run(DEFAULTS, hits);
            assertThat(out).singleElement().satisfies(a -> {
                assertThat(a.ruleId()).isEqualTo(BuiltInPack.INTRUSION_CHAIN);
                assertThat(a.timestamp()).isEqualTo(at(300));
                assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(a.category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
                assertThat(a.tactics()).containsExactly(AttackTactic.RECONNAISSANCE, AttackTactic.DISCOVERY,
                        AttackTactic.CREDENTIAL_ACCESS, AttackTactic.INITIAL_ACCESS);
                assertThat(a.techniques()).extracting(AttackTechnique::id).containsExactly("T1046", "T1110", "T1078");
                assertThat(a.message()).isEqualTo("scan, brute force and successful login from " + ATTACKER
                        + " as root within 1h: rule " + SCAN_H + " at 2026-11-23T10:00:00Z, brute force at "
                        + "2026-11-23T10:02:00Z, login at 2026-11-23T10:05:00Z [source.ip=" + ATTACKER
                        + " user.name=root host.name=bastion]");
            });
        }

        @Test
        void bruteForceBeforeTheScanIsNotTheChain() {
            List<RuleHit> hits = List.of(hit(BRUTE, 0, from(ATTACKER, null, "root", null)),
                    hit(SCAN_H, 60, from(ATTACKER, HOST, null, null)),
                    hit(LOGIN, 300, from(ATTACKER, null, "root", "bastion")));
            assertThat(run(DEFAULTS, hits)).isEmpty();
        }

        @Test
        void loginBeforeTheBruteForceIsNotTheChain() {
            List<RuleHit> hits = List.of(hit(SCAN_H, 0, from(ATTACKER, HOST, null, null)),
                    hit(LOGIN, 60, from(ATTACKER, null, "root", "bastion")),
                    hit(BRUTE, 300, from(ATTACKER, null, "root", null)));
            assertThat(run(DEFAULTS, hits)).isEmpty();
        }

        @Test
        void chainLongerThanTheWindowIsNot() {
            assertThat(run(DEFAULTS, chain(ATTACKER, 0, 1800, 3601))).isEmpty();
            assertThat(run(DEFAULTS, chain(ATTACKER, 0, 1800, 3600))).hasSize(1);
        }

        @Test
        void scanFromAnotherSourceIsNotTheChain() {
            assertThat(run(DEFAULTS, chain(OTHER, 0, 120, 300))).isEmpty();
        }
    }

    @Nested
    class ThreatIntelThenBeaconing {
        private static final String IOC = BuiltInPack.IOC_PREFIX + "city_feed";
        private static final String BEACON = BuiltInPack.BEACONING;

        @Test
        void threatIntelHitsThenBeaconingOfTheHostIsOneAlert() {
            List<RuleHit> hits = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                hits.add(hit(IOC, i * 60L, from(HOST, C2, null, null)));
            }
            hits.add(hit(BEACON, 7 * 60 + 1, from(HOST, C2, null, null)));
            hits.add(hit(BEACON, 7 * 60 + 2, from(HOST, C2, null, null)));
            List<Alert> out = run(DEFAULTS, hits);
            assertThat(out).singleElement().satisfies(a -> {
                assertThat(a.ruleId()).isEqualTo(BuiltInPack.C2_AFTER_THREAT_INTEL);
                assertThat(a.timestamp()).isEqualTo(at(421));
                assertThat(a.category()).isEqualTo(IncidentCategory.MALICIOUS_PROGRAM);
                assertThat(a.tactics()).containsExactly(AttackTactic.COMMAND_AND_CONTROL);
                assertThat(a.techniques()).extracting(AttackTechnique::id).containsExactly("T1071");
                assertThat(a.message()).isEqualTo(HOST + " beacons to " + C2 + " after a threat-intelligence hit (rule "
                        + IOC + " at 2026-11-23T10:00:00Z) within 12h [source.ip=" + HOST + " destination.ip=" + C2 + "]");
            });
        }

        @Test
        void beaconingBeforeAnyThreatIntelHitIsNot() {
            assertThat(run(DEFAULTS, List.of(hit(BEACON, 0, from(HOST, C2, null, null)),
                    hit(IOC, 60, from(HOST, C2, null, null))))).isEmpty();
        }

        @Test
        void beaconingMoreThanTheWindowAfterTheHitIsNot() {
            assertThat(run(DEFAULTS, List.of(hit(IOC, 0, from(HOST, C2, null, null)),
                    hit(BEACON, 12 * 3600 + 1, from(HOST, C2, null, null))))).isEmpty();
        }

        @Test
        void beaconingOfAnotherHostIsNot() {
            assertThat(run(DEFAULTS, List.of(hit(IOC, 0, from("172.16.10.99", C2, null, null)),
                    hit(BEACON, 600, from(HOST, C2, null, null))))).isEmpty();
        }
    }

    @Nested
    class DnsTunnelAndEgress {
        private static final String DNS = BuiltInPack.DNS_TUNNEL;
        private static final String EGRESS = BuiltInPack.EGRESS_VOLUME;

        @Test
        void eitherOrderWithinTheWindowIsOneAlert() {
            List<Alert> tunnelFirst = run(DEFAULTS, List.of(hit(DNS, 0, from(HOST, "10.10.2.53", null, null)),
                    hit(EGRESS, 600, new Entities(List.of(HOST), List.of("192.0.2.200"), List.of(), List.of())),
                    hit(DNS, 900, from(HOST, "10.10.2.53", null, null))));
            assertThat(tunnelFirst).singleElement().satisfies(a -> {
                assertThat(a.ruleId()).isEqualTo(BuiltInPack.DNS_TUNNEL_EXFILTRATION);
                assertThat(a.timestamp()).isEqualTo(at(600));
                assertThat(a.category()).isEqualTo(IncidentCategory.DATA_SECURITY);
                assertThat(a.tactics()).containsExactly(AttackTactic.COMMAND_AND_CONTROL, AttackTactic.EXFILTRATION);
                assertThat(a.techniques()).extracting(AttackTechnique::id).containsExactly("T1071.004", "T1048");
                assertThat(a.message()).isEqualTo(HOST + ": DNS tunnelling at 2026-11-23T10:00:00Z and unusual egress"
                        + " volume at 2026-11-23T10:10:00Z within 1h [source.ip=" + HOST
                        + " destination.ip=192.0.2.200]");
            });
            List<Alert> volumeFirst = run(DEFAULTS, List.of(hit(EGRESS, 0, from(HOST, "192.0.2.200", null, null)),
                    hit(DNS, 3600, from(HOST, "10.10.2.53", null, null))));
            assertThat(volumeFirst).extracting(Alert::ruleId, Alert::timestamp)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(BuiltInPack.DNS_TUNNEL_EXFILTRATION, at(3600)));
        }

        @Test
        void fartherApartThanTheWindowIsNot() {
            assertThat(run(DEFAULTS, List.of(hit(EGRESS, 0, from(HOST, "192.0.2.200", null, null)),
                    hit(DNS, 3601, from(HOST, "10.10.2.53", null, null))))).isEmpty();
        }

        @Test
        void twoHostsAreNot() {
            assertThat(run(DEFAULTS, List.of(hit(DNS, 0, from(HOST, "10.10.2.53", null, null)),
                    hit(EGRESS, 60, from("172.16.10.23", "192.0.2.200", null, null))))).isEmpty();
        }
    }
}
