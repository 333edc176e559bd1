package org.fenghuo.correlation.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.fenghuo.detection.ioc.IndicatorListLoader;
import org.fenghuo.detection.ioc.LoadResult;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** The generator itself: order, ids, volume, shapes, settings. */
class ScenarioEventsTest {
    private static final ScenarioSettings SMALL = ScenarioSettings.defaults().withBackgroundEvents(10_000);

    @Test
    void eventsComeInTimeOrderWithDistinctIdsInsideTheScenariosSpan() {
        DistrictScenario s = new DistrictScenario(SMALL);
        Instant previous = Instant.MIN;
        Set<String> ids = new HashSet<>();
        long n = 0;
        for (SecurityEvent e : s) {
            assertThat(e.timestamp()).isAfterOrEqualTo(previous).isBetween(SMALL.start(), SMALL.end());
            previous = e.timestamp();
            assertThat(ids.add(e.event().id())).as("unique id %s", e.event().id()).isTrue();
            n++;
        }
        assertThat(ids).containsAll(s.attackEvents().stream().map(e -> e.event().id()).toList());
        assertThat(s.attackEvents()).hasSize(134);
        // the fixed-rate processes (about 2,500 logins and bastion events) are inside the asked-for volume
        assertThat(n).isBetween(9_000L, 11_000L);
    }

    @Test
    void twoPassesAreTheSameEventsAndAnotherSeedIsNot() {
        DistrictScenario s = new DistrictScenario(SMALL);
        Iterator<SecurityEvent> a = s.iterator();
        Iterator<SecurityEvent> b = s.iterator();
        Iterator<SecurityEvent> other = new DistrictScenario(SMALL.withSeed(99)).iterator();
        int same = 0;
        for (int i = 0; i < 2_000; i++) {
            SecurityEvent x = a.next();
            assertThat(b.next()).isEqualTo(x);
            if (other.next().equals(x)) {
                same++;
            }
        }
        assertThat(same).isZero();
    }

    @Test
    void theVolumeIsASetting() {
        long n = 0;
        for (Iterator<SecurityEvent> it = new DistrictScenario(SMALL.withBackgroundEvents(100_000).withoutAttack())
                .iterator(); it.hasNext(); it.next()) {
            n++;
        }
        assertThat(n).isBetween(90_000L, 110_000L);
    }

    @Test
    void everyEventSurvivesTheEcsJsonCodecAsTheJobReadsItFromKafka() throws Exception {
        DistrictScenario s = new DistrictScenario(SMALL);
        List<SecurityEvent> sample = new ArrayList<>(s.attackEvents());
        Iterator<SecurityEvent> it = s.iterator();
        for (int i = 0; i < 3_000; i++) {
            sample.add(it.next());
        }
        for (SecurityEvent e : sample) {
            assertThat(EcsJsonCodec.fromJson(EcsJsonCodec.toJson(e))).isEqualTo(e);
        }
        assertThat(sample).extracting(e -> e.event().dataset()).contains("pcap.flow", "pcap.dns", "pcap.http",
                "pcap.modbus", "pcap.s7comm", "syslog.rfc3164");
    }

    @Test
    void theIndicatorListLoadsAsAFeed() {
        DistrictScenario s = DistrictScenario.defaults();
        LoadResult r = IndicatorListLoader.load(new StringReader(s.indicatorList()), "district-ti.txt",
                DistrictScenario.INDICATOR_SOURCE);
        assertThat(r.report().broken()).isZero();
        assertThat(r.indicators()).extracting(i -> i.value()).containsExactlyInAnyOrderElementsOf(s.indicators());
        assertThat(s.indicators()).containsExactly("198.51.100.77", "c2-relay.example");
    }

    @Test
    void theAttackIsOffWhenAskedAndItsPlanStaysTheSame() {
        DistrictScenario quiet = new DistrictScenario(SMALL.withoutAttack());
        assertThat(quiet.attackEvents()).isEmpty();
        assertThat(quiet.expected()).isEqualTo(new DistrictScenario(SMALL).expected());
        assertThat(quiet.expected().stages()).extracting(ExpectedAttack.Stage::name).containsExactly("scan",
                "brute force", "login", "lateral movement", "command and control", "dns tunnelling", "exfiltration",
                "ics impact");
        assertThat(quiet.expected().start()).isEqualTo(SMALL.attackStart());
        assertThat(quiet.expected().end()).isEqualTo(SMALL.attackStart().plus(Duration.ofMinutes(60)));
        assertThat(quiet.packSettings().engineeringHosts()).containsExactly("10.20.0.50");
        assertThat(quiet.packSettings().criticalAssets()).containsExactly("10.20.0.101", "10.20.0.102", "10.20.0.103",
                "10.20.0.104", "10.20.0.105", "10.20.0.106");
    }

    @Test
    void badSettingsNameTheirKeys() {
        assertThatThrownBy(() -> new ScenarioSettings(1, null, Duration.ZERO, -1, true, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario.start = null")
                .hasMessageContaining("scenario.duration = PT0S: expected a duration > 0")
                .hasMessageContaining("scenario.background_events = -1: expected >= 0")
                .hasMessageContaining("scenario.attack_offset = PT1H: expected at least 24h");
        assertThatThrownBy(() -> new ScenarioSettings(1, Instant.EPOCH, Duration.ofHours(25), 0, true,
                Duration.ofHours(24))).hasMessageContaining("inside scenario.duration (PT25H)");
    }
}
