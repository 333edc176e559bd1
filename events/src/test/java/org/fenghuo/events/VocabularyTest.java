package org.fenghuo.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VocabularyTest {

    @ParameterizedTest
    @CsvSource({"informational,LOW", "low,LOW", "medium,MEDIUM", "high,HIGH", "critical,CRITICAL",
            "' High ',HIGH", "CRITICAL,CRITICAL"})
    void severityFromSigmaLevel(String level, Severity expected) {
        assertThat(Severity.fromSigmaLevel(level)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "info", "severe", "urgent"})
    void unknownSigmaLevelsAreRefused(String level) {
        assertThatThrownBy(() -> Severity.fromSigmaLevel(level)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("informational, low, medium, high or critical");
        assertThatThrownBy(() -> Severity.fromSigmaLevel(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severityScoresAndBandsFollowElastic() {
        assertThat(Arrays.stream(Severity.values()).map(Severity::riskScore)).containsExactly(21, 47, 73, 99);
        assertThat(Severity.fromRiskScore(0)).isEqualTo(Severity.LOW);
        assertThat(Severity.fromRiskScore(21)).isEqualTo(Severity.LOW);
        assertThat(Severity.fromRiskScore(22)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.fromRiskScore(47)).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.fromRiskScore(48)).isEqualTo(Severity.HIGH);
        assertThat(Severity.fromRiskScore(74)).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.fromRiskScore(100)).isEqualTo(Severity.CRITICAL);
        for (Severity s : Severity.values()) {
            assertThat(Severity.fromRiskScore(s.riskScore())).isEqualTo(s);
            assertThat(Severity.parse(s.value())).isEqualTo(s);
        }
        assertThatThrownBy(() -> Severity.fromRiskScore(101)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Severity.LOW.max(Severity.HIGH)).isEqualTo(Severity.HIGH);
        assertThat(Severity.CRITICAL.max(null)).isEqualTo(Severity.CRITICAL);
    }

    @ParameterizedTest
    @CsvSource({"RED,I,1,红色预警,特别重大事件", "ORANGE,II,2,橙色预警,重大事件", "YELLOW,III,3,黄色预警,较大事件",
            "BLUE,IV,4,蓝色预警,一般事件"})
    void warningLevelMapsToGbLevelBothWays(WarningLevel w, String roman, int number, String chinese, String incident) {
        assertThat(w.gbLevel()).isEqualTo(roman);
        assertThat(w.levelNumber()).isEqualTo(number);
        assertThat(w.chineseName()).isEqualTo(chinese);
        assertThat(w.incidentLevelChinese()).isEqualTo(incident);
        assertThat(w.englishName()).isNotBlank();
        assertThat(w.incidentLevelEnglish()).endsWith("incident");
        assertThat(WarningLevel.fromGbLevel(roman)).isEqualTo(w);
        assertThat(WarningLevel.fromGbLevel(roman.toLowerCase())).isEqualTo(w);
        assertThat(WarningLevel.fromGbLevel(roman + "级")).isEqualTo(w);
        assertThat(WarningLevel.fromGbLevel(String.valueOf(number))).isEqualTo(w);
        assertThat(WarningLevel.fromGbLevel(incident)).isEqualTo(w);
        assertThat(WarningLevel.fromGbLevel(incident.substring(0, incident.length() - 2))).isEqualTo(w);
        assertThat(WarningLevel.fromLevelNumber(number)).isEqualTo(w);
        assertThat(WarningLevel.parse(w.value())).isEqualTo(w);
        assertThat(WarningLevel.parse(chinese)).isEqualTo(w);
        assertThat(WarningLevel.parse(chinese.substring(0, 2))).isEqualTo(w);
    }

    @Test
    void warningLevelAcceptsUnicodeAndChineseNumerals() {
        assertThat(WarningLevel.fromGbLevel("Ⅰ级")).isEqualTo(WarningLevel.RED);
        assertThat(WarningLevel.fromGbLevel("Ⅳ")).isEqualTo(WarningLevel.BLUE);
        assertThat(WarningLevel.fromGbLevel("二级")).isEqualTo(WarningLevel.ORANGE);
        assertThat(WarningLevel.RED.max(WarningLevel.BLUE)).isEqualTo(WarningLevel.RED);
        assertThat(WarningLevel.BLUE.max(WarningLevel.YELLOW)).isEqualTo(WarningLevel.YELLOW);
        for (String bad : new String[] {"V", "0", "5", "", "IIII", "紫色"}) {
            assertThatThrownBy(() -> WarningLevel.fromGbLevel(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> WarningLevel.fromLevelNumber(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WarningLevel.parse("purple")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incidentCategoriesAreTheTenOfGbt20986_2023() {
        assertThat(IncidentCategory.values()).hasSize(10);
        assertThat(Arrays.stream(IncidentCategory.values()).map(IncidentCategory::chineseName)).containsExactly(
                "恶意程序事件", "网络攻击事件", "数据安全事件", "信息内容安全事件", "设备设施故障事件",
                "违规操作事件", "安全隐患事件", "异常行为事件", "不可抗力事件", "其他事件");
        assertThat(Arrays.stream(IncidentCategory.values()).map(IncidentCategory::code)).doesNotHaveDuplicates();
        for (IncidentCategory c : IncidentCategory.values()) {
            assertThat(IncidentCategory.fromCode(c.code())).isEqualTo(c);
            assertThat(IncidentCategory.parse(c.chineseName())).isEqualTo(c);
            assertThat(IncidentCategory.parse(c.name().toLowerCase())).isEqualTo(c);
            assertThat(c.englishName()).isNotBlank();
        }
        assertThat(IncidentCategory.parse("网络攻击")).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThat(IncidentCategory.fromCode("2")).isEqualTo(IncidentCategory.NETWORK_ATTACK);
        assertThatThrownBy(() -> IncidentCategory.fromCode("11")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncidentCategory.parse("灾害性事件")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attackTacticsAreTheFourteenEnterpriseTactics() {
        assertThat(Arrays.stream(AttackTactic.values()).map(AttackTactic::id)).containsExactly(
                "TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005", "TA0006", "TA0007",
                "TA0008", "TA0009", "TA0011", "TA0010", "TA0040");
        for (AttackTactic t : AttackTactic.values()) {
            assertThat(AttackTactic.fromId(t.id())).isEqualTo(t);
            assertThat(AttackTactic.parse(t.displayName())).isEqualTo(t);
            assertThat(AttackTactic.parse(t.shortName())).isEqualTo(t);
            assertThat(AttackTactic.parse(t.sigmaTag())).isEqualTo(t);
            assertThat(AttackTactic.fromSigmaTag(t.sigmaTag())).isEqualTo(t);
            assertThat(t.reference()).isEqualTo("https://attack.mitre.org/tactics/" + t.id() + "/");
        }
        assertThat(AttackTactic.COMMAND_AND_CONTROL.sigmaTag()).isEqualTo("attack.command_and_control");
        assertThat(AttackTactic.fromSigmaTag("attack.t1110")).isNull();
        assertThat(AttackTactic.fromId("ta0006")).isEqualTo(AttackTactic.CREDENTIAL_ACCESS);
        assertThatThrownBy(() -> AttackTactic.fromId("TA0104")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttackTactic.parse("Lateral")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"T1110", "T1110.001", "T1059.003", "T0001"})
    void validTechniqueIds(String id) {
        assertThat(AttackTechnique.of(id).id()).isEqualTo(id);
        assertThat(AttackTechnique.isValidId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "T111", "T11100", "t1110", "T1110.1", "T1110.0011", "T1110.", "TA0001", " T1110",
            "T1110/001"})
    void invalidTechniqueIdsAreRefused(String id) {
        assertThatThrownBy(() -> new AttackTechnique(id, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T1234");
        assertThat(AttackTechnique.isValidId(id)).isFalse();
        assertThatThrownBy(() -> AttackTechnique.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void techniqueParentsReferencesAndSigmaTags() {
        AttackTechnique sub = new AttackTechnique("T1110.001", "Password Guessing");
        assertThat(sub.isSubTechnique()).isTrue();
        assertThat(sub.parentId()).isEqualTo("T1110");
        assertThat(sub.reference()).isEqualTo("https://attack.mitre.org/techniques/T1110/001/");
        assertThat(AttackTechnique.of("T1110").isSubTechnique()).isFalse();
        assertThat(AttackTechnique.of("T1110").parentId()).isEqualTo("T1110");
        assertThat(AttackTechnique.fromSigmaTag("attack.t1110.001")).isEqualTo(AttackTechnique.of("T1110.001"));
        assertThat(AttackTechnique.fromSigmaTag("attack.credential_access")).isNull();
        assertThat(AttackTechnique.fromSigmaTag("attack.g0007")).isNull();
        assertThat(AttackTechnique.fromSigmaTag("cve.2021-44228")).isNull();
    }

    @Test
    void alertIncidentAndAssetValidateAndCopy() {
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        Alert alert = new Alert("a-1", t, "rule-1", "SSH brute force", "3", Severity.HIGH, 73,
                IncidentCategory.NETWORK_ATTACK, List.of("e1", "e2"), Entities.of("203.0.113.9", "10.0.0.1", "root", null), List.of(AttackTactic.CREDENTIAL_ACCESS),
                List.of(AttackTechnique.of("T1110.001")), "12 failed logins");
        assertThat(alert.entities().hosts()).isEmpty();
        assertThatThrownBy(() -> alert.eventIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Alert("a", t, "r", null, null, Severity.LOW, 101, IncidentCategory.OTHER, null,
                null, null, null, null)).hasMessageContaining("event.risk_score");
        assertThatThrownBy(() -> new Alert("a", null, "r", null, null, Severity.LOW, 1, IncidentCategory.OTHER, null,
                null, null, null, null)).hasMessageContaining("@timestamp");
        assertThatThrownBy(() -> new Alert("a", t, "r", null, null, Severity.LOW, 1, null, null, null, null, null,
                null)).hasMessageContaining("fenghuo.category");
        Alert bare = new Alert("a", t, "r", null, null, Severity.LOW, 1, IncidentCategory.OTHER, null, null, null,
                null, null);
        assertThat(bare.tactics()).isEmpty();
        assertThat(bare.entities()).isEqualTo(Entities.NONE);

        Incident incident = new Incident("i-1", t, null, "Brute force then login", IncidentStatus.OPEN,
                Severity.CRITICAL, 99, List.of("a-1"), alert.entities(), alert.tactics(), alert.techniques(),
                IncidentCategory.NETWORK_ATTACK, WarningLevel.YELLOW);
        assertThat(incident.updated()).isEqualTo(t);
        assertThatThrownBy(() -> new Incident("i", t, t, null, null, Severity.LOW, 1, null, null, null, null, null,
                null)).hasMessageContaining("status");

        Asset asset = new Asset("as-1", "水务SCADA主站", List.of("10.1.0.5"), "scada-1", 5, "ot", "水务集团", true,
                List.of("water", "scada"));
        assertThat(asset.criticalInfrastructure()).isTrue();
        for (int bad : new int[] {0, 6}) {
            assertThatThrownBy(() -> new Asset("as-2", "x", null, null, bad, null, null, false, null))
                    .hasMessageContaining("criticality must be 1-5");
        }
    }

    @Test
    void entitiesAreDistinctAndMergeInFirstSeenOrder() {
        Entities a = new Entities(List.of("1.1.1.1", "1.1.1.1"), null, List.of("root"), null);
        Entities b = Entities.of("2.2.2.2", "10.0.0.1", "root", "gw");
        Entities merged = a.merge(b);
        assertThat(a.sourceIps()).containsExactly("1.1.1.1");
        assertThat(merged.sourceIps()).containsExactly("1.1.1.1", "2.2.2.2");
        assertThat(merged.users()).containsExactly("root");
        assertThat(merged.hosts()).containsExactly("gw");
        assertThat(Entities.NONE.isEmpty()).isTrue();
        assertThat(Entities.of(TestEvents.full())).isEqualTo(Entities.of("203.0.113.9", "10.0.0.1", "root", "gw.city.local"));
    }

    @ParameterizedTest
    @EnumSource(IncidentStatus.class)
    void incidentStatusParsesItsValue(IncidentStatus s) {
        assertThat(IncidentStatus.parse(s.value())).isEqualTo(s);
        assertThat(IncidentStatus.parse(s.value().replace('_', '-').toUpperCase())).isEqualTo(s);
    }
}
