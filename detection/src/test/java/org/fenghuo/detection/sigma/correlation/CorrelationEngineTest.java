package org.fenghuo.detection.sigma.correlation;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.sigma.correlation.CorrelationFixtures.hit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

/** One semantics test per correlation type, each with hits that must fire and hits that must not. */
class CorrelationEngineTest {
    private final List<Alert> alerts = new ArrayList<>();

    private CorrelationEngine engine(String fixture) {
        return new CorrelationEngine(CorrelationFixtures.load(fixture), alerts::add);
    }

    private static RuleHit sshFail(String id, Duration at, String ip) {
        return hit("ssh_auth_failure", id, at, "\"source\":{\"ip\":\"" + ip + "\"}");
    }

    @Test
    void eventCountFiresAtTheThresholdWithinTheWindowAndNotOneBelow() {
        CorrelationEngine e = engine("event_count.yml");
        for (int i = 0; i < 4; i++) {
            e.accept(sshFail("a" + i, ofMinutes(i), "198.51.100.1"));
        }
        assertThat(alerts).as("4 hits, threshold gte 5").isEmpty();
        e.accept(sshFail("a4", ofMinutes(4), "198.51.100.1"));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("3f1b2c4d-1111-4a5b-8c6d-000000000001");
            assertThat(a.eventIds()).containsExactly("a0", "a1", "a2", "a3", "a4");
            assertThat(a.timestamp()).isEqualTo(CorrelationFixtures.T0.plus(ofMinutes(4)));
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.category()).isEqualTo(IncidentCategory.NETWORK_ATTACK);
            assertThat(a.tactics()).containsExactly(AttackTactic.CREDENTIAL_ACCESS);
            assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T1110.001");
            assertThat(a.entities().sourceIps()).containsExactly("198.51.100.1");
            assertThat(a.message()).contains("5 >= 5").contains("source.ip=198.51.100.1");
        });
    }

    @Test
    void eventCountWindowIncludesAHitExactlyOneTimespanOldButNotOneMillisecondOlder() {
        CorrelationEngine e = engine("event_count.yml");
        e.accept(sshFail("edge", Duration.ZERO, "198.51.100.1"));
        for (int i = 1; i <= 4; i++) {
            e.accept(sshFail("b" + i, ofMinutes(5), "198.51.100.1"));
        }
        assertThat(alerts).as("first hit exactly 5m before the fifth: inside").hasSize(1);

        alerts.clear();
        CorrelationEngine f = engine("event_count.yml");
        f.accept(sshFail("old", Duration.ZERO, "198.51.100.1"));
        for (int i = 1; i <= 4; i++) {
            f.accept(sshFail("c" + i, ofMinutes(5).plus(ofMillis(1)), "198.51.100.1"));
        }
        assertThat(alerts).as("first hit 5m + 1 ms before: expired").isEmpty();
    }

    @Test
    void eventCountKeepsGroupsApart() {
        CorrelationEngine e = engine("event_count.yml");
        for (int i = 0; i < 3; i++) {
            e.accept(sshFail("x" + i, ofSeconds(i), "198.51.100.1"));
            e.accept(sshFail("y" + i, ofSeconds(i), "198.51.100.2"));
        }
        assertThat(alerts).as("3 + 3 hits in two groups").isEmpty();
        e.accept(sshFail("x3", ofSeconds(3), "198.51.100.1"));
        e.accept(sshFail("x4", ofSeconds(4), "198.51.100.1"));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.eventIds()).allMatch(id -> id.startsWith("x")));
        assertThat(e.stats().keys()).isEqualTo(2);
    }

    @Test
    void aGroupAlertsOncePerTimespanAndTheConsumedHitsNeverCountAgain() {
        CorrelationEngine e = engine("event_count.yml");
        for (int i = 0; i < 12; i++) {
            e.accept(sshFail("s" + i, ofSeconds(10L * i), "198.51.100.1"));
        }
        assertThat(alerts).as("12 hits in 2 minutes: one alert").hasSize(1);
        assertThat(e.stats().suppressed()).isEqualTo(7);
        // the alert fired at 40s: the key is muted up to 5m40s included; the muted hits stay in the window
        e.accept(sshFail("m", ofMinutes(5).plus(ofSeconds(40)), "198.51.100.1"));
        assertThat(alerts).as("still muted at exactly one timespan after the alert").hasSize(1);
        e.accept(sshFail("n", ofMinutes(5).plus(ofSeconds(41)), "198.51.100.1"));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).eventIds()).as("hits up to the first alert never count again")
                .containsExactly("s5", "s6", "s7", "s8", "s9", "s10", "s11", "m", "n");
    }

    @Test
    void valueCountCountsDistinctValuesNotHits() {
        CorrelationEngine e = engine("value_count.yml");
        String ip = "\"source\":{\"ip\":\"203.0.113.7\"}";
        for (int i = 0; i < 5; i++) {
            e.accept(hit("ssh_auth_failure", "r" + i, ofMinutes(i), ip + ",\"user\":{\"name\":\"root\"}"));
        }
        e.accept(hit("ssh_auth_failure", "admin", ofMinutes(6), ip + ",\"user\":{\"name\":\"admin\"}"));
        e.accept(hit("ssh_auth_failure", "nouser", ofMinutes(7), ip));
        assertThat(alerts).as("2 distinct users, threshold 3").isEmpty();
        assertThat(e.stats().missingValue()).isEqualTo(1);
        e.accept(hit("ssh_auth_failure", "oracle", ofMinutes(8), ip + ",\"user\":{\"name\":\"oracle\"}"));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.message()).contains("value_count 3 >= 3"));
    }

    @Test
    void temporalNeedsEveryRuleInAnyOrderWithinTheTimespanOnTheSameGroup() {
        CorrelationEngine e = engine("temporal.yml");
        String alice = "\"host\":{\"name\":\"ws1\"},\"user\":{\"name\":\"alice\"}";
        String bob = "\"host\":{\"name\":\"ws1\"},\"user\":{\"name\":\"bob\"}";
        e.accept(hit("ipconfig_run", "1", ofMinutes(0), alice));
        e.accept(hit("whoami_run", "2", ofMinutes(1), alice));
        e.accept(hit("netstat_run", "3", ofMinutes(2), bob));
        assertThat(alerts).as("third rule by another user").isEmpty();
        e.accept(hit("whoami_run", "4", ofMinutes(3), alice));
        assertThat(alerts).as("a rule twice is still two rules").isEmpty();
        e.accept(hit("netstat_run", "5", ofMinutes(4), alice));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.eventIds()).containsExactly("1", "2", "4", "5"));

        alerts.clear();
        CorrelationEngine late = engine("temporal.yml");
        late.accept(hit("whoami_run", "1", ofMinutes(0), alice));
        late.accept(hit("netstat_run", "2", ofMinutes(1), alice));
        late.accept(hit("ipconfig_run", "3", ofMinutes(5).plus(ofMillis(1)), alice));
        assertThat(alerts).as("the first rule's hit left the window").isEmpty();
    }

    @Test
    void temporalOrderedFiresOnlyInTheListedOrderUpToTheTimespanEdge() {
        String ip = "\"source\":{\"ip\":\"192.0.2.5\"}";
        CorrelationEngine reversed = engine("temporal_ordered.yml");
        reversed.accept(hit("webshell_request", "1", ofMinutes(0), ip));
        reversed.accept(hit("webshell_upload", "2", ofMinutes(1), ip));
        assertThat(alerts).as("wrong order").isEmpty();

        CorrelationEngine atEdge = engine("temporal_ordered.yml");
        atEdge.accept(hit("webshell_upload", "u", ofMinutes(0), ip));
        atEdge.accept(hit("webshell_request", "r", ofMinutes(10), ip));
        assertThat(alerts).as("exactly 10m apart").singleElement()
                .satisfies(a -> assertThat(a.message()).contains("webshell_upload -> webshell_request"));

        alerts.clear();
        CorrelationEngine tooLate = engine("temporal_ordered.yml");
        tooLate.accept(hit("webshell_upload", "u", ofMinutes(0), ip));
        tooLate.accept(hit("webshell_request", "r", ofMinutes(10).plus(ofMillis(1)), ip));
        assertThat(alerts).as("10m + 1 ms apart").isEmpty();

        CorrelationEngine unordered = engine("temporal.yml");
        String alice = "\"host\":{\"name\":\"ws1\"},\"user\":{\"name\":\"alice\"}";
        unordered.accept(hit("netstat_run", "1", ofMinutes(0), alice));
        unordered.accept(hit("ipconfig_run", "2", ofMinutes(0), alice));
        unordered.accept(hit("whoami_run", "3", ofMinutes(0), alice));
        assertThat(alerts).as("temporal (unordered) takes the reverse order").hasSize(1);
    }

    @Test
    void valueSumFiresOneAboveTheThreshold() {
        CorrelationEngine e = engine("value_sum.yml");
        String pair = "\"destination\":{\"ip\":\"203.0.113.80\"},\"source\":{\"ip\":\"10.0.0.5\",\"bytes\":";
        e.accept(hit("outbound_http", "1", ofMinutes(0), pair + "600}"));
        e.accept(hit("outbound_http", "2", ofMinutes(1), pair + "400}"));
        assertThat(alerts).as("sum 1000, condition gt 1000").isEmpty();
        e.accept(hit("outbound_http", "other", ofMinutes(2),
                "\"destination\":{\"ip\":\"203.0.113.81\"},\"source\":{\"ip\":\"10.0.0.5\",\"bytes\":5000}"));
        assertThat(alerts).as("another destination, its own group: 5000 > 1000").hasSize(1);
        e.accept(hit("outbound_http", "3", ofMinutes(3), pair + "1}"));
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(1).eventIds()).containsExactly("1", "2", "3");
        assertThat(alerts.get(1).message()).contains("value_sum 1001 > 1000");
    }

    @Test
    void valueAvgComparesTheMeanAndSkipsNonNumbers() {
        CorrelationEngine e = engine("value_avg.yml");
        String ip = "\"source\":{\"ip\":\"10.0.0.9\"},\"fenghuo\":{\"query_length\":";
        e.accept(hit("dns_query", "1", ofMinutes(0), ip + "40}"));
        e.accept(hit("dns_query", "2", ofMinutes(1), ip + "60}"));
        e.accept(hit("dns_query", "3", ofMinutes(2), ip + "\"long\"}"));
        assertThat(alerts).as("mean 50, condition gt 50").isEmpty();
        assertThat(e.stats().missingValue()).isEqualTo(1);
        e.accept(hit("dns_query", "4", ofMinutes(3), ip + "\"53\"}"));
        assertThat(alerts).as("mean 51 (a number in a string counts)").singleElement()
                .satisfies(a -> assertThat(a.message()).contains("value_avg 51 > 50"));
    }

    @Test
    void valuePercentileUsesTheNearestRank() {
        CorrelationEngine e = engine("value_percentile.yml");
        String dst = "\"destination\":{\"ip\":\"10.1.1.1\"},\"fenghuo\":{\"response_ms\":";
        for (int i = 1; i <= 9; i++) {
            e.accept(hit("http_response", "f" + i, ofSeconds(i), dst + (i * 10) + "}"));
        }
        e.accept(hit("http_response", "s1", ofSeconds(10), dst + "5000}"));
        assertThat(alerts).as("p90 of 10 values is the 9th smallest, 90 ms").isEmpty();
        e.accept(hit("http_response", "s2", ofSeconds(11), dst + "5000}"));
        assertThat(alerts).as("p90 of 11 values is the 10th smallest, 5000 ms").singleElement()
                .satisfies(a -> assertThat(a.message()).contains("value_percentile 5000 >= 1000"));
    }

    @Test
    void aliasesGroupDifferentFieldsOfDifferentRulesTogether() {
        CorrelationEngine e = engine("aliases.yml");
        e.accept(hit("server_error", "err", ofSeconds(0),
                "\"source\":{\"ip\":\"198.51.100.20\"},\"destination\":{\"ip\":\"10.0.0.80\"}"));
        e.accept(hit("new_connection", "wrong", ofSeconds(1),
                "\"source\":{\"ip\":\"198.51.100.20\"},\"destination\":{\"ip\":\"10.0.0.80\"}"));
        assertThat(alerts).as("same fields, not the aliased ones").isEmpty();
        e.accept(hit("new_connection", "back", ofSeconds(2),
                "\"source\":{\"ip\":\"10.0.0.80\"},\"destination\":{\"ip\":\"198.51.100.20\"}"));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.eventIds()).containsExactly("err", "back");
            assertThat(a.message()).contains("server=10.0.0.80 client=198.51.100.20");
        });
    }

    @Test
    void chainedCorrelationsFeedTheOuterOneWhichAloneAlerts() {
        CorrelationLoadReport r = new CorrelationLoader(java.util.Set.of())
                .load("chain.yml", CorrelationFixtures.text("chain_failed_then_success.yml"));
        CorrelationEngine e = new CorrelationEngine(r.correlations(), alerts::add);
        String bob = "\"user\":{\"name\":\"bob\"}";
        e.accept(hit("login_success", "early", ofMinutes(0), bob));
        for (int i = 0; i < 3; i++) {
            e.accept(hit("login_failure", "f" + i, ofMinutes(1 + i), bob));
        }
        assertThat(alerts).as("the inner event_count matched but does not alert on its own").isEmpty();
        assertThat(e.stats().alerts()).isEqualTo(1);
        e.accept(hit("login_success", "ok", ofMinutes(5), bob));
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("3f1b2c4d-1111-4a5b-8c6d-000000000009");
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            // evidence is the window: the early success too, then the inner match's trigger and the success
            assertThat(a.eventIds()).containsExactly("early", "f2", "ok");
        });
    }

    @Test
    void generateTrueLetsTheReferencedCorrelationAlertToo() {
        String yaml = CorrelationFixtures.text("chain_failed_then_success.yml")
                .replaceFirst("    timespan: 10m\n", "    timespan: 10m\n    generate: true\n");
        CorrelationLoadReport r = new CorrelationLoader().load("generate.yml", yaml);
        assertThat(r.correlations().get(0).generate()).isTrue();
        CorrelationEngine e = new CorrelationEngine(r.correlations(), alerts::add);
        for (int i = 0; i < 3; i++) {
            e.accept(hit("login_failure", "g" + i, ofMinutes(i), "\"user\":{\"name\":\"eve\"}"));
        }
        e.accept(hit("login_success", "ok", ofMinutes(4), "\"user\":{\"name\":\"eve\"}"));
        assertThat(alerts).extracting(Alert::ruleName)
                .containsExactly("Several failed logins", "Several failed logins then a successful one");
        assertThat(alerts.get(0).category()).as("no attack tag").isEqualTo(IncidentCategory.ABNORMAL_BEHAVIOUR);
        assertThat(alerts.get(0).severity()).as("no level").isEqualTo(Severity.MEDIUM);
    }

    @Test
    void theSameHitsGiveTheSameAlertIds() {
        List<String> first = run();
        List<String> second = run();
        assertThat(first).hasSize(2).isEqualTo(second).doesNotHaveDuplicates();
    }

    private List<String> run() {
        List<Alert> out = new ArrayList<>();
        CorrelationEngine e = new CorrelationEngine(CorrelationFixtures.load("event_count.yml"), out::add);
        for (int i = 0; i < 10; i++) {
            e.accept(sshFail("d" + i, ofMinutes(6L * (i / 5)).plus(ofSeconds(i)), "198.51.100.3"));
        }
        return out.stream().map(Alert::id).toList();
    }
}
