package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.incident.TestAlerts.T0;
import static org.fenghuo.correlation.incident.TestAlerts.alert;
import static org.fenghuo.correlation.incident.TestAlerts.from;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Asset;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.Entities;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.IncidentStatus;
import org.fenghuo.events.Severity;
import org.fenghuo.events.WarningLevel;
import org.junit.jupiter.api.Test;

class IncidentBuilderTest {
    private static final String ATTACKER = "10.1.2.3";
    private static final AssetInventory INVENTORY = AssetInventory.of(List.of(
            new Asset("file-server", "文件服务器", List.of("10.0.0.5"), null, 4, "office", null, false, List.of()),
            new Asset("scada-01", "水务SCADA主站", List.of("10.0.0.9"), null, 5, "ot", "水务集团", true, List.of())));

    private static IncidentBuilder builder() {
        return new IncidentBuilder(IncidentSettings.defaults(), INVENTORY);
    }

    /** Scan, brute force, lateral movement from one source, ten minutes apart. */
    private static List<Alert> attack() {
        return List.of(
                alert("a1", "fenghuo.anomaly.port_scan.horizontal", T0, Severity.LOW, IncidentCategory.NETWORK_ATTACK,
                        from(ATTACKER, "10.0.0.5"), List.of(AttackTactic.RECONNAISSANCE)),
                alert("a2", "fenghuo.anomaly.brute_force", T0.plus(Duration.ofMinutes(10)), Severity.MEDIUM,
                        IncidentCategory.NETWORK_ATTACK, from(ATTACKER, "10.0.0.5"), List.of(AttackTactic.CREDENTIAL_ACCESS)),
                alert("a3", "fenghuo.correlation.lateral_movement", T0.plus(Duration.ofMinutes(20)), Severity.HIGH,
                        IncidentCategory.ABNORMAL_BEHAVIOUR, from(ATTACKER, "10.0.0.9"), List.of(AttackTactic.LATERAL_MOVEMENT)));
    }

    @Test
    void groupKeyIsThePrimaryEntityAttackerSideFirst() {
        assertThat(IncidentBuilder.groupKey(alert("x", "r", T0, new Entities(List.of("10.1.1.1", "10.1.1.2"),
                List.of("10.0.0.1"), List.of("alice"), List.of("pc1"))))).isEqualTo("source.ip=10.1.1.1");
        assertThat(IncidentBuilder.groupKey(alert("x", "r", T0, Entities.of(null, "10.0.0.1", "alice", "pc1"))))
                .isEqualTo("user.name=alice");
        assertThat(IncidentBuilder.groupKey(alert("x", "r", T0, Entities.of(null, "10.0.0.1", null, "pc1"))))
                .isEqualTo("host.name=pc1");
        assertThat(IncidentBuilder.groupKey(alert("x", "r", T0, Entities.of(null, "10.0.0.1", null, null))))
                .isEqualTo("destination.ip=10.0.0.1");
        assertThat(IncidentBuilder.groupKey(alert("x", "r", T0, Entities.NONE))).isEqualTo("rule.id=r");
    }

    @Test
    void oneIncidentUpdatedInPlaceAsAlertsJoin() {
        IncidentBuilder b = builder();
        List<Alert> alerts = attack();

        Incident v1 = single(b.accept(alerts.get(0)));
        Incident v2 = single(b.accept(alerts.get(1)));
        AlertOutcome o3 = b.process(alerts.get(2));
        Incident v3 = o3.incident();

        String id = IncidentIds.of("source.ip=" + ATTACKER, "a1");
        assertThat(List.of(v1.id(), v2.id(), v3.id())).containsOnly(id);
        assertThat(v1.alertIds()).containsExactly("a1");
        assertThat(v2.alertIds()).containsExactly("a1", "a2");
        assertThat(v3.alertIds()).containsExactly("a1", "a2", "a3");
        assertThat(List.of(v1.updated(), v2.updated(), v3.updated()))
                .containsExactly(T0, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(20)));
        assertThat(v3.created()).isEqualTo(T0);
        assertThat(v3.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(v3.tactics()).containsExactly(AttackTactic.RECONNAISSANCE, AttackTactic.CREDENTIAL_ACCESS,
                AttackTactic.LATERAL_MOVEMENT);
        assertThat(List.of(v1.severity(), v2.severity(), v3.severity()))
                .containsExactly(Severity.LOW, Severity.MEDIUM, Severity.HIGH);
        assertThat(v3.entities().destinationIps()).containsExactly("10.0.0.5", "10.0.0.9");
        assertThat(v1.title()).isEqualTo("Rule fenghuo.anomaly.port_scan.horizontal from 10.1.2.3");
        assertThat(v3.title()).isEqualTo("Rule fenghuo.anomaly.port_scan.horizontal → lateral movement from 10.1.2.3");

        // v1: 40*.25 + 30*4/5 + 30*((1/14 + 1/5)/2) = 10 + 24 + 4.07 = 38.07
        // v2: 20 + 24 + 30*((8/14 + 2/5)/2) = 20 + 24 + 14.57 = 58.57
        // v3: 30 + 30 (SCADA, critical infrastructure) + 30*((10/14 + 3/5)/2) = 30 + 30 + 19.71 = 79.71
        assertThat(List.of(v1.riskScore(), v2.riskScore(), v3.riskScore())).containsExactly(38, 59, 80);
        assertThat(List.of(v1.warningLevel(), v2.warningLevel(), v3.warningLevel()))
                .containsExactly(WarningLevel.BLUE, WarningLevel.YELLOW, WarningLevel.ORANGE);
        assertThat(v2.category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(v3.category()).as("the most severe alert's").isEqualTo(IncidentCategory.ABNORMAL_BEHAVIOUR);
        assertThat(o3.classification().gbLevel()).isEqualTo("II");
        assertThat(o3.risk().criticality()).isEqualTo(1.0);
        assertThat(o3.alertCount()).isEqualTo(3);
        assertThat(b.counters()).isEqualTo(new IncidentCounters(3, 0, 0, 1, 0));
    }

    @Test
    void aLateOlderAlertJoinsWithoutMovingCreationOrUpdateTime() {
        IncidentBuilder b = builder();
        b.accept(alert("a1", "r1", T0, from(ATTACKER)));
        b.accept(alert("a2", "r2", T0.plusSeconds(600), from(ATTACKER)));
        Incident v = single(b.accept(alert("a0", "r3", T0.minusSeconds(300), from(ATTACKER))));

        assertThat(v.created()).isEqualTo(T0);
        assertThat(v.updated()).isEqualTo(T0.plusSeconds(600));
        assertThat(v.alertIds()).containsExactly("a1", "a2", "a0");
    }

    @Test
    void otherKeysGetTheirOwnIncidents() {
        IncidentBuilder b = builder();
        Incident x = single(b.accept(alert("x1", "r1", T0, from("10.1.1.1"))));
        Incident y = single(b.accept(alert("y1", "r1", T0, from("10.2.2.2"))));
        Incident u = single(b.accept(alert("u1", "r1", T0, Entities.of(null, "10.0.0.5", "alice", null))));

        assertThat(List.of(x.id(), y.id(), u.id())).doesNotHaveDuplicates();
        assertThat(u.title()).isEqualTo("Rule r1 from alice");
        assertThat(b.openCount()).isEqualTo(3);
        assertThat(b.counters().opened()).isEqualTo(3);
    }

    @Test
    void joinWindowEdgeJoinsOneMillisecondLaterOpensANewIncident() {
        IncidentBuilder b = builder();
        Incident first = single(b.accept(alert("a1", "r1", T0, from(ATTACKER))));
        Instant edge = T0.plus(Duration.ofHours(1));

        Incident joined = single(b.accept(alert("a2", "r2", edge, from(ATTACKER))));
        assertThat(joined.id()).isEqualTo(first.id());

        Incident next = single(b.accept(alert("a3", "r3", edge.plus(Duration.ofHours(1)).plusMillis(1), from(ATTACKER))));
        assertThat(next.id()).isNotEqualTo(first.id()).isEqualTo(IncidentIds.of("source.ip=" + ATTACKER, "a3"));
        assertThat(next.alertIds()).containsExactly("a3");
        assertThat(b.counters()).isEqualTo(new IncidentCounters(3, 0, 0, 2, 1));
    }

    @Test
    void closedOnceTheWatermarkPassesTheJoinWindow() {
        IncidentBuilder b = builder();
        Incident v = single(b.accept(alert("a1", "r1", T0, from(ATTACKER))));
        String key = "source.ip=" + ATTACKER;
        Instant edge = T0.plus(Duration.ofHours(1));
        assertThat(b.closesAfter(key)).isEqualTo(edge);

        assertThat(b.advanceWatermark(edge)).isEmpty();
        assertThat(b.openCount()).isEqualTo(1);
        List<Incident> closed = b.advanceWatermark(edge.plusMillis(1));
        assertThat(closed).containsExactly(v);
        assertThat(b.openCount()).isZero();
        assertThat(b.closesAfter(key)).isNull();

        Incident again = single(b.accept(alert("a2", "r2", edge.plusSeconds(1), from(ATTACKER))));
        assertThat(again.id()).isNotEqualTo(v.id());
        assertThat(b.counters()).isEqualTo(new IncidentCounters(2, 0, 0, 2, 1));
    }

    @Test
    void suppressedAndDuplicateAlertsDoNotJoinButAreCounted() {
        SuppressionSettings suppression = new SuppressionSettings(
                new SuppressionRule("*", Duration.ofMinutes(5), Duration.ZERO, List.of()),
                List.of(new SuppressionRule("fenghuo.anomaly.port_scan.*", Duration.ZERO, Duration.ZERO, List.of("10.9.9.0/24")),
                        new SuppressionRule("fenghuo.ioc.*", Duration.ofMinutes(5), Duration.ofHours(1), List.of())));
        IncidentBuilder b = new IncidentBuilder(IncidentSettings.defaults().withSuppression(suppression), INVENTORY);

        Incident v = single(b.accept(alert("i1", "fenghuo.ioc.misp", T0, from(ATTACKER, "10.0.0.5"))));
        AlertOutcome muted = b.process(alert("i2", "fenghuo.ioc.misp", T0.plusSeconds(60), from(ATTACKER, "10.0.0.6")));
        AlertOutcome dup = b.process(alert("i3", "fenghuo.ioc.misp", T0.plusSeconds(60), from(ATTACKER, "10.0.0.5")));
        AlertOutcome scanner = b.process(alert("s1", "fenghuo.anomaly.port_scan.vertical", T0.plusSeconds(90),
                from("10.9.9.10", "10.0.0.5")));
        AlertOutcome same = b.process(alert("i1", "fenghuo.ioc.misp", T0, from(ATTACKER, "10.0.0.5")));

        assertThat(muted.decision().kind()).isEqualTo(Decision.Kind.SUPPRESSED);
        assertThat(muted.incident()).isNull();
        assertThat(dup.decision()).isEqualTo(Decision.duplicate("i1", dup.decision().reason()));
        assertThat(scanner.decision().reason()).startsWith("suppress_entities: 10.9.9.10");
        assertThat(same.decision().kind()).isEqualTo(Decision.Kind.DUPLICATE);
        assertThat(same.decision().reason()).isEqualTo("alert i1 is already in incident " + v.id());
        assertThat(b.accept(alert("i4", "fenghuo.ioc.misp", T0.plusSeconds(120), from(ATTACKER)))).isEmpty();
        assertThat(b.openIncident("source.ip=" + ATTACKER).alertIds()).containsExactly("i1");
        assertThat(b.openIncident("source.ip=10.9.9.10")).isNull();
        assertThat(b.counters()).isEqualTo(new IncidentCounters(1, 2, 3, 1, 0));
    }

    @Test
    void alertIdsAreCappedButCounted() {
        IncidentBuilder b = new IncidentBuilder(IncidentSettings.defaults().withMaxAlertIds(3), AssetLookup.NONE);
        AlertOutcome last = null;
        for (int i = 0; i < 5; i++) {
            last = b.process(alert("a" + i, "r" + i, T0.plusSeconds(i), from(ATTACKER)));
        }
        assertThat(last.incident().alertIds()).containsExactly("a0", "a1", "a2");
        assertThat(last.alertCount()).isEqualTo(5);
        assertThat(last.incident().updated()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void impactOnCriticalInfrastructureIsAtLeastOrange() {
        IncidentBuilder b = builder();
        Incident v = single(b.accept(alert("x1", "fenghuo.anomaly.ics.unauthorized_command", T0, Severity.MEDIUM,
                IncidentCategory.NETWORK_ATTACK, from("10.5.0.20", "10.0.0.9"), List.of(AttackTactic.IMPACT))));
        // 20 + 30 + 30*((14/14 + 1/5)/2) = 68: level III by the table, raised to II by Impact on critical infrastructure
        assertThat(v.riskScore()).isEqualTo(68);
        assertThat(v.warningLevel()).isEqualTo(WarningLevel.ORANGE);
    }

    @Test
    void snapshotRestoreContinuesWithTheSameIdsAndVersions() {
        List<Alert> stream = mixedStream();
        List<Object> reference = run(builder(), stream, -1);

        for (int cut : new int[] {1, 4, 7, 10}) {
            assertThat(run(builder(), stream, cut)).as("restored after %d alerts", cut).isEqualTo(reference);
        }
    }

    @Test
    void replayingTheSameAlertsGivesTheSameIncidents() {
        List<Alert> stream = mixedStream();
        List<Object> first = run(builder(), stream, -1);
        List<Object> second = run(builder(), stream, -1);

        assertThat(second).isEqualTo(first);
        assertThat(first).filteredOn(Incident.class::isInstance).map(o -> ((Incident) o).id()).containsOnly(
                IncidentIds.of("source.ip=10.1.2.3", "m0"), IncidentIds.of("source.ip=10.7.7.7", "m1"),
                IncidentIds.of("source.ip=10.1.2.3", "m9"));
    }

    @Test
    void oneKeysStateMovesToAnotherBuilder() {
        IncidentBuilder b = builder();
        b.accept(alert("a1", "r1", T0, from(ATTACKER)));
        b.accept(alert("b1", "r1", T0, from("10.7.7.7")));
        IncidentBuilderState keyState = b.snapshot("source.ip=" + ATTACKER);
        assertThat(keyState.open()).extracting(OpenIncident::groupKey).containsExactly("source.ip=" + ATTACKER);
        assertThat(keyState.suppression()).extracting(SuppressionEntry::alertId).containsExactly("a1");
        assertThat(keyState.counters()).isEqualTo(IncidentCounters.ZERO);

        IncidentBuilder other = builder();
        other.restoreKey(keyState);
        assertThat(other.process(alert("a1", "r1", T0.plusSeconds(10), from(ATTACKER))).decision().kind())
                .isEqualTo(Decision.Kind.DUPLICATE);
        Incident joined = single(other.accept(alert("a2", "r2", T0.plusSeconds(20), from(ATTACKER))));
        assertThat(joined.id()).isEqualTo(IncidentIds.of("source.ip=" + ATTACKER, "a1"));
        assertThat(joined.alertIds()).containsExactly("a1", "a2");
        assertThat(other.openIncident("source.ip=10.7.7.7")).isNull();

        b.removeKey("source.ip=" + ATTACKER);
        assertThat(b.snapshot("source.ip=" + ATTACKER).open()).isEmpty();
        assertThat(b.snapshot("source.ip=" + ATTACKER).suppression()).isEmpty();
    }

    @Test
    void keyStateExpiresWhenBothTheIncidentAndItsWindowsHaveEnded() {
        SuppressionSettings suppression = new SuppressionSettings(
                new SuppressionRule("*", Duration.ofMinutes(5), Duration.ofHours(2), List.of()), List.of());
        IncidentBuilder b = new IncidentBuilder(IncidentSettings.defaults().withSuppression(suppression), INVENTORY);
        String key = "source.ip=" + ATTACKER;
        assertThat(b.stateExpires(key)).isNull();
        b.accept(alert("a1", "r1", T0, from(ATTACKER)));
        b.accept(alert("a2", "r2", T0.plus(Duration.ofMinutes(30)), from(ATTACKER)));

        // incident closes after a2 + 1h = T0 + 1h30; r2's suppress_for ends at T0 + 2h30
        assertThat(b.closesAfter(key)).isEqualTo(T0.plus(Duration.ofMinutes(90)));
        Instant expires = b.stateExpires(key);
        assertThat(expires).isEqualTo(T0.plus(Duration.ofMinutes(150)));
        b.advanceWatermark(expires.minusMillis(1));
        assertThat(b.snapshot(key).open()).isEmpty();
        assertThat(b.snapshot(key).suppression()).extracting(SuppressionEntry::alertId).containsExactly("a2");
        b.advanceWatermark(expires.plusMillis(1));
        assertThat(b.snapshot(key).open()).isEmpty();
        assertThat(b.snapshot(key).suppression()).isEmpty();
        assertThat(b.stateExpires(key)).isNull();
    }

    /** Two sources, duplicates, a gap that closes the first incident, watermarks between. */
    private static List<Alert> mixedStream() {
        List<Alert> out = new ArrayList<>();
        String[] sources = {"10.1.2.3", "10.7.7.7"};
        AttackTactic[] tactics = {AttackTactic.RECONNAISSANCE, AttackTactic.CREDENTIAL_ACCESS, AttackTactic.EXECUTION,
                AttackTactic.LATERAL_MOVEMENT};
        for (int i = 0; i < 9; i++) {
            out.add(alert("m" + i, "rule-" + (i % 3), T0.plus(Duration.ofMinutes(7L * i)), Severity.values()[i % 4],
                    IncidentCategory.NETWORK_ATTACK, from(sources[i % 2], "10.0.0." + (5 + i % 5)), List.of(tactics[i % 4])));
        }
        out.add(alert("m9", "rule-0", T0.plus(Duration.ofHours(3)), Severity.LOW, IncidentCategory.OTHER,
                from("10.1.2.3"), List.of()));
        out.add(alert("m10", "rule-0", T0.plus(Duration.ofHours(3)).plusSeconds(30), Severity.LOW, IncidentCategory.OTHER,
                from("10.1.2.3"), List.of()));
        return out;
    }

    /** Everything the builder emits (incidents, decisions, closed incidents), restoring into a fresh builder after {@code cut} alerts. */
    private static List<Object> run(IncidentBuilder b, List<Alert> alerts, int cut) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            if (i == cut) {
                IncidentBuilderState state = b.snapshot();
                b = builder();
                b.restore(state);
                assertThat(b.snapshot()).isEqualTo(state);
            }
            AlertOutcome o = b.process(alerts.get(i));
            out.add(o.decision());
            if (o.incident() != null) {
                out.add(o.incident());
            }
            out.addAll(b.advanceWatermark(alerts.get(i).timestamp().minusSeconds(1)));
        }
        out.addAll(b.advanceWatermark(T0.plus(Duration.ofDays(1))));
        out.add(b.counters());
        return out;
    }

    private static Incident single(List<Incident> incidents) {
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }
}
