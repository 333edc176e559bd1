package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentSettingsTest {

    @Test
    void noFileMeansDefaults() {
        IncidentSettings d = IncidentSettings.defaults();
        assertThat(d.joinWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(d.maxAlertIds()).isEqualTo(1000);
        assertThat(d.suppression().forRule("anything").dedupWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.scoring()).isEqualTo(ScoringSettings.defaults());
        assertThat(IncidentSettings.parse("", "empty.yml")).isEqualTo(d);
        assertThat(IncidentSettings.parse("# nothing but a comment\n", "c.yml")).isEqualTo(d);
    }

    @Test
    void shippedExampleParsesAndMatchesTheDefaultsItDocuments() throws Exception {
        String yaml;
        try (InputStream in = getClass().getResourceAsStream("/incident/incidents.example.yml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        IncidentSettings s = IncidentSettings.parse(yaml, "incidents.example.yml");
        IncidentSettings d = IncidentSettings.defaults();

        assertThat(s.joinWindow()).isEqualTo(d.joinWindow());
        assertThat(s.scoring()).isEqualTo(d.scoring());
        assertThat(s.classification()).isEqualTo(d.classification());
        assertThat(s.learnedAssets()).isEqualTo(d.learnedAssets());
        assertThat(s.suppression().fallback()).isEqualTo(d.suppression().fallback());
        assertThat(s.suppression().rules()).hasSize(4);
        assertThat(s.suppression().forRule("fenghuo.anomaly.port_scan.vertical").suppressEntities())
                .containsExactly("10.9.9.10", "10.9.9.0/28", "fd00:9::/64");
        assertThat(s.suppression().forRule("fenghuo.anomaly.port_scan.vertical").dedupWindow())
                .as("not merged with fenghuo.anomaly.*: the default's").isEqualTo(Duration.ofMinutes(5));
        assertThat(s.suppression().forRule("fenghuo.ioc.misp").suppressFor()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void everyValueIsRead() {
        IncidentSettings s = IncidentSettings.parse("""
                join_window: 30m
                max_alert_ids: 50
                max_entities: 10
                suppression:
                  default: {dedup_window: 0s, suppress_for: 2m, suppress_entities: [alice]}
                  rules:
                    - rule: fenghuo.ioc.*
                      dedup_window: PT1H
                scoring:
                  weights: {severity: 50, criticality: 25, progression: 25}
                  unknown_criticality: 1
                  tactic_breadth_cap: 3
                classification:
                  levels:
                    II: {min_risk: 80, min_criticality: 5}
                  critical_infrastructure_impact: {min_risk: 40, level: 一级}
                learned_assets: {enabled: false, max_hosts: 10, many_clients: 5, forget_after: 1d, networks: [10.20.0.0/16, fd00::/8]}
                """, "s.yml");

        assertThat(s.joinWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.maxAlertIds()).isEqualTo(50);
        assertThat(s.maxEntities()).isEqualTo(10);
        assertThat(s.suppression().fallback()).isEqualTo(new SuppressionRule("*", Duration.ZERO, Duration.ofMinutes(2),
                List.of("alice")));
        assertThat(s.suppression().forRule("fenghuo.ioc.x")).isEqualTo(new SuppressionRule("fenghuo.ioc.*",
                Duration.ofHours(1), Duration.ofMinutes(2), List.of("alice")));
        assertThat(s.scoring()).isEqualTo(new ScoringSettings(50, 25, 25, 1, 3));
        assertThat(s.classification().levelII()).isEqualTo(new LevelThreshold(80, 5, false));
        assertThat(s.classification().levelI()).isEqualTo(ClassificationSettings.defaults().levelI());
        assertThat(s.classification().ciImpactLevel()).isEqualTo(1);
        assertThat(s.classification().ciImpactMinRisk()).isEqualTo(40);
        assertThat(s.learnedAssets()).isEqualTo(new LearnedAssetSettings(false, 10, 5, Duration.ofDays(1),
                List.of("10.20.0.0/16", "fd00::/8")));
    }

    @Test
    void everyProblemAtOnceNamingLineKeyValueAndExpectation() {
        String yaml = """
                join_window: soon
                max_alert_ids: 0
                colour: red
                suppression:
                  rules:
                    - rule: fenghuo.ioc.*
                      dedup_window: -5m
                      suppress_entities: [10.0.0.0/99]
                    - dedup_window: 5m
                    - rule: x
                      suppress_for: [1, 2]
                scoring:
                  weights: {severity: 50, criticality: 30, progression: 30}
                  unknown_criticality: 9
                classification:
                  levels:
                    IV: {min_risk: 1}
                    II: {min_risk: 101, critical_infrastructure: perhaps}
                  critical_infrastructure_impact: {level: V}
                learned_assets:
                  forget_after: 10s
                  networks: [10.0.0.0/8, 10.1.2.3/8, city]
                """;
        assertThatThrownBy(() -> IncidentSettings.parse(yaml, "incidents.yml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "incidents.yml:1: join_window = soon: expected a duration from 1s to 30d (e.g. 0s, 500ms, 90s, 5m, 1h, 7d, PT1H)",
                        "incidents.yml:2: max_alert_ids = 0: expected an integer from 1 to 1000000",
                        "incidents.yml:3: colour: expected one of [classification, join_window, learned_assets, max_alert_ids, max_entities, scoring, suppression] (unknown key)",
                        "incidents.yml:7: suppression.rules[0].dedup_window = -5m: expected a duration from 0s to 365d (e.g. 0s, 500ms, 90s, 5m, 1h, 7d, PT1H)",
                        "incidents.yml:8: suppression.rules[0].suppress_entities = 10.0.0.0/99: expected an IP address, a CIDR block, a user or a host name",
                        "incidents.yml:9: suppression.rules[1].rule: expected a rule id or glob such as fenghuo.anomaly.*",
                        "incidents.yml:11: suppression.rules[2].suppress_for = a list: expected a single value",
                        "incidents.yml:13: scoring.weights = 50 + 30 + 30 = 110: expected a sum of 100",
                        "incidents.yml:14: scoring.unknown_criticality = 9: expected an integer from 1 to 5",
                        "incidents.yml:17: classification.levels.IV: expected one of [I, II, III] (unknown key)",
                        "incidents.yml:18: classification.levels.II.min_risk = 101: expected an integer from 0 to 100",
                        "incidents.yml:18: classification.levels.II.critical_infrastructure = perhaps: expected true or false",
                        "incidents.yml:19: classification.critical_infrastructure_impact.level = V: expected I, II, III or IV",
                        "incidents.yml:21: learned_assets.forget_after = 10s: expected a duration from 1m to 3650d (e.g. 0s, 500ms, 90s, 5m, 1h, 7d, PT1H)",
                        "incidents.yml:22: learned_assets.networks = 10.1.2.3/8: expected an address or a block like 10.0.0.0/8",
                        "incidents.yml:22: learned_assets.networks = city: expected an address or a block like 10.0.0.0/8"));
    }

    @Test
    void notAMappingOrNotYaml() {
        assertThatThrownBy(() -> IncidentSettings.parse("- a\n- b\n", "list.yml")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("list.yml:1: (document) = a list: expected a mapping of settings");
        assertThatThrownBy(() -> IncidentSettings.parse("join_window: [1h\n", "broken.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broken.yml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> IncidentSettings.parse("join_window: 1h\njoin_window: 2h\n", "twice.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("twice.yml:2: join_window appears twice: expected each key once");
    }
}
