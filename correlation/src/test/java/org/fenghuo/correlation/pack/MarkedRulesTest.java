package org.fenghuo.correlation.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.pack.PackRun.at;
import static org.fenghuo.correlation.pack.PackRun.marks;
import static org.fenghuo.correlation.pack.PackRun.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fenghuo.correlation.scenario.CollectorShapes;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The two rules that read raw events through {@link MarkerHits}: ICS writes and lateral movement. */
class MarkedRulesTest {
    static final String PIVOT = "172.16.10.22";
    static final String ENGINEERING = "10.20.0.50";
    static final String PLC = "10.20.0.101";
    static final PackSettings ICS = PackSettings.defaults().withIcsAssets(List.of(ENGINEERING), List.of("10.20.0.100/30"));

    private static List<RuleHit> sorted(List<RuleHit> hits) {
        List<RuleHit> out = new ArrayList<>(hits);
        out.sort(Comparator.comparing(RuleHit::timestamp));
        return out;
    }

    @Nested
    class IcsWriteAfterRemoteSession {
        /** An RDP flow to the engineering host, written when it ends, as the flow meter does. */
        private SecurityEvent rdp(String from, String to, long start, long end, long packets) {
            return CollectorShapes.flow(new CollectorShapes.Flow("rdp-" + start, at(start), at(end), "tcp", from, 50_000,
                    to, 3389, 200_000, packets, 2_000_000, packets * 2, CollectorShapes.FLAGS_COMPLETE,
                    CollectorShapes.FLAGS_COMPLETE, "closed"));
        }

        private SecurityEvent write(String from, String plc, long seconds) {
            return CollectorShapes.modbus("w-" + seconds, at(seconds), from, 49_152, plc, 16,
                    "write_multiple_registers", true, 40_001, 2);
        }

        @Test
        void writesDuringASessionToTheEngineeringHostAreOneAlertAtTheSessionRecord() {
            List<RuleHit> hits = sorted(marks(ICS, write(ENGINEERING, PLC, 600), write(ENGINEERING, "10.20.0.102", 700),
                    rdp(PIVOT, ENGINEERING, 300, 900, 400)));
            assertThat(hits).extracting(RuleHit::ruleId).containsExactly(MarkerHits.ICS_WRITE, MarkerHits.ICS_WRITE,
                    MarkerHits.REMOTE_SESSION);
            List<Alert> out = run(ICS, hits);
            assertThat(out).singleElement().satisfies(a -> {
                assertThat(a.ruleId()).isEqualTo(BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION);
                assertThat(a.timestamp()).isEqualTo(at(900));
                assertThat(a.tactics()).containsExactly(AttackTactic.LATERAL_MOVEMENT, AttackTactic.IMPACT);
                assertThat(a.techniques()).extracting(AttackTechnique::id)
                        .containsExactly("T1021", "T0886", "T0855", "T0836");
                assertThat(a.message()).isEqualTo("remote session from " + PIVOT + " to engineering host " + ENGINEERING
                        + ":3389 (started 2026-11-23T10:05:00Z) followed by modbus write_multiple_registers to critical"
                        + " asset " + PLC + " at 2026-11-23T10:10:00Z [source.ip=" + PIVOT + " destination.ip=" + PLC + "]");
            });
        }

        @Test
        void aSessionKnownAtItsStartThenAWriteIsOneAlertAtTheWrite() {
            SecurityEvent login = CollectorShapes.sshLogin("l", at(0), "eng-ws", PIVOT, 50_001, "operator", true)
                    .toBuilder().destination(new SecurityEvent.Endpoint(ENGINEERING, 22, null, null, null, null, null))
                    .build();
            List<Alert> out = run(ICS, sorted(marks(ICS, login, write(ENGINEERING, PLC, 120))));
            assertThat(out).extracting(Alert::timestamp).containsExactly(at(120));
        }

        @Test
        void aWriteBeforeTheSessionStartedIsNot() {
            assertThat(run(ICS, sorted(marks(ICS, write(ENGINEERING, PLC, 200), rdp(PIVOT, ENGINEERING, 300, 900, 400)))))
                    .isEmpty();
        }

        @Test
        void aWriteFromAnotherHostOrToAnUnlistedDeviceIsNot() {
            assertThat(run(ICS, sorted(marks(ICS, write("10.20.0.10", PLC, 600), write(ENGINEERING, "10.20.0.200", 650),
                    rdp(PIVOT, ENGINEERING, 300, 900, 400))))).isEmpty();
        }

        @Test
        void aWriteLongerThanTheWindowAfterTheSessionRecordIsNot() {
            assertThat(run(ICS, sorted(marks(ICS, rdp(PIVOT, ENGINEERING, 0, 60, 400), write(ENGINEERING, PLC, 60 + 1801)))))
                    .isEmpty();
            assertThat(run(ICS, sorted(marks(ICS, rdp(PIVOT, ENGINEERING, 0, 60, 400), write(ENGINEERING, PLC, 60 + 1800)))))
                    .hasSize(1);
        }

        @Test
        void aScanProbeOfTheRdpPortIsNoSession() {
            assertThat(marks(ICS, rdp(PIVOT, ENGINEERING, 0, 1, 1))).isEmpty();
        }

        @Test
        void withoutListedAssetsNothingIsMarkedSoTheDeployedRuleStaysQuiet() {
            assertThat(marks(PackSettings.defaults(), write(ENGINEERING, PLC, 600), rdp(PIVOT, ENGINEERING, 300, 900, 400)))
                    .isEmpty();
        }
    }

    @Nested
    class LateralMovement {
        private List<RuleHit> logins(String from, long step, String... servers) {
            List<SecurityEvent> events = new ArrayList<>();
            for (int i = 0; i < servers.length; i++) {
                events.add(CollectorShapes.sshLogin("a" + i, at(i * step), servers[i], from, 40_000 + i, "root", true));
            }
            return marks(PackSettings.defaults(), events.toArray(SecurityEvent[]::new));
        }

        @Test
        void fiveDistinctHostsWithinTenMinutesIsOneAlert() {
            List<Alert> out = run(PackSettings.defaults(), logins(PIVOT, 60, "srv-1", "srv-2", "srv-3", "srv-4", "srv-5",
                    "srv-6"));
            assertThat(out).singleElement().satisfies(a -> {
                assertThat(a.ruleId()).isEqualTo(BuiltInPack.LATERAL_MOVEMENT);
                assertThat(a.timestamp()).isEqualTo(at(240));
                assertThat(a.tactics()).containsExactly(AttackTactic.LATERAL_MOVEMENT);
                assertThat(a.techniques()).extracting(AttackTechnique::id).containsExactly("T1021", "T1078");
                assertThat(a.message()).isEqualTo(PIVOT + " logged in to 5 distinct hosts within 10m (threshold 5), the"
                        + " latest srv-5 as root [source.ip=" + PIVOT + " user.name=root]");
            });
        }

        @Test
        void repeatedLoginsToFewHostsAreNot() {
            assertThat(run(PackSettings.defaults(), logins(PIVOT, 60, "srv-1", "srv-2", "srv-1", "srv-3", "srv-4",
                    "srv-2"))).isEmpty();
        }

        @Test
        void fiveHostsSpreadOverMoreThanTheWindowAreNot() {
            assertThat(run(PackSettings.defaults(), logins(PIVOT, 151, "srv-1", "srv-2", "srv-3", "srv-4", "srv-5")))
                    .isEmpty();
        }

        @Test
        void anExternalSourceIsNotLateralMovement() {
            assertThat(logins("203.0.113.66", 60, "srv-1", "srv-2", "srv-3", "srv-4", "srv-5")).isEmpty();
        }

        @Test
        void theThresholdIsASetting() {
            PackSettings three = PackSettings.defaults().withLateral(3, Duration.ofMinutes(2));
            assertThat(run(three, logins(PIVOT, 50, "srv-1", "srv-2", "srv-3"))).extracting(Alert::timestamp)
                    .containsExactly(at(100));
            assertThat(run(three, logins(PIVOT, 61, "srv-1", "srv-2", "srv-3"))).isEmpty();
        }

        @Test
        void afterOneWindowTheSameHostAlertsAgain() {
            List<RuleHit> hits = new ArrayList<>(logins(PIVOT, 60, "srv-1", "srv-2", "srv-3", "srv-4", "srv-5"));
            List<SecurityEvent> later = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                later.add(CollectorShapes.sshLogin("b" + i, at(1200 + i * 60L), "db-" + i, PIVOT, 41_000 + i, "root",
                        true));
            }
            hits.addAll(marks(PackSettings.defaults(), later.toArray(SecurityEvent[]::new)));
            assertThat(run(PackSettings.defaults(), hits)).extracting(Alert::timestamp).containsExactly(at(240), at(1440));
        }
    }
}
