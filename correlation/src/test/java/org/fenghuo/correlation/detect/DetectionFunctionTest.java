package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.correlation.TestRules;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionFunctionTest {
    static final String FAILURE_ID = "3f1c2a4b-6d7e-4f80-9a1b-2c3d4e5f6a70";
    static final String ACCEPTED_ID = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c81";
    static final String ROOT_ID = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
    static final String BAD_IP = "203.0.113.77";
    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    /** Failure (silent: only the correlation speaks for it), accepted login (alerts), a correlation over both. */
    static final String PACK_V1 = TestRules.SSH_PASSWORD_FAILURE + """
            title: SSH login accepted
            id: 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c81
            name: ssh_login_accepted
            logsource: {product: linux, service: sshd}
            detection:
              selection: {event.action: ssh_login, event.outcome: success}
              condition: selection
            level: informational
            ---
            title: SSH password guessing
            id: 7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e92
            name: ssh_password_guessing
            correlation:
              type: event_count
              rules: [ssh_password_failure]
              group-by: [source.ip]
              timespan: 5m
              condition: {gte: 5}
            level: high
            """;

    /** A different pack: a root-login failure rule alerting on its own, no correlation. */
    static final String PACK_V2 = """
            title: SSH root login failure
            id: 0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6
            logsource: {product: linux, service: sshd}
            detection:
              selection: {event.action: ssh_login, event.outcome: failure, message|contains: 'for root'}
              condition: selection
            level: high
            """;

    /** A rule with a condition naming a selection that does not exist. */
    static final String PACK_BROKEN = """
            title: Broken rule
            id: 11111111-2222-4333-8444-555555555555
            logsource: {product: linux, service: sshd}
            detection:
              selection: {event.action: ssh_login}
              condition: selection and nowhere
            level: high
            """;

    @TempDir
    Path dir;
    DetectionSettings v1;
    DetectionSettings v2;
    DetectionSettings broken;

    @BeforeEach
    void packs() throws IOException {
        Path list = write("bad-addresses.txt", BAD_IP + "\n");
        v1 = DetectionSettings.defaults().withSigmaRules(write("v1/pack.yml", PACK_V1).toString())
                .withPipelines("none").withIndicators("list:" + list);
        v2 = DetectionSettings.defaults().withSigmaRules(write("v2/pack.yml", PACK_V2).toString())
                .withPipelines("none");
        broken = DetectionSettings.defaults().withSigmaRules(write("v3/pack.yml", PACK_BROKEN).toString())
                .withPipelines("none");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    static SecurityEvent accepted(String id, Instant time, String ip) {
        SecurityEvent f = TestEvents.sshFailure(id, time, ip);
        SecurityEvent.EventInfo e = f.event();
        return f.toBuilder().message("Accepted password for root from " + ip)
                .event(new SecurityEvent.EventInfo(e.id(), e.kind(), e.category(), e.type(), e.action(), "success",
                        e.module(), e.dataset(), null, null, e.original(), null, null, null, null, null))
                .build();
    }

    private static BroadcastOperatorTestHarness<SecurityEvent, DetectionUpdate, Alert> harness(DetectionFunction f)
            throws Exception {
        return ProcessFunctionTestHarnesses.forBroadcastProcessFunction(f, DetectionFunction.UPDATES);
    }

    private static List<String> ruleIds(BroadcastOperatorTestHarness<SecurityEvent, DetectionUpdate, Alert> h) {
        return h.extractOutputValues().stream().map(Alert::ruleId).toList();
    }

    private static List<String> hitRuleIds(BroadcastOperatorTestHarness<SecurityEvent, DetectionUpdate, Alert> h) {
        var hits = h.getSideOutput(DetectionFunction.RULE_HITS);
        return hits == null ? List.of() : hits.stream().map(StreamRecord::getValue).map(RuleHit::ruleId).toList();
    }

    @Test
    void sigmaAndIocAlertsOnMainOutputCorrelatedMatchesAsHits() throws Exception {
        try (var h = harness(new DetectionFunction(v1))) {
            h.processElement(TestEvents.sshFailure("e1", T0, "198.51.100.9"), 1);
            h.processElement(accepted("e2", T0.plusSeconds(1), "198.51.100.9"), 2);
            h.processElement(TestEvents.sshFailure("e3", T0.plusSeconds(2), BAD_IP), 3);

            // the failure is silent (only its correlation speaks); the accepted login alerts; the listed address alerts
            assertThat(ruleIds(h)).containsExactly(ACCEPTED_ID, "fenghuo.ioc.bad-addresses");
            // the correlation refers to the failure only: two failures, two hits; the accepted login is not correlated
            assertThat(hitRuleIds(h)).containsExactly(FAILURE_ID, FAILURE_ID);
            RuleHit hit = h.getSideOutput(DetectionFunction.RULE_HITS).peek().getValue();
            assertThat(hit.ruleName()).isEqualTo("ssh_password_failure");
            assertThat(hit.timestamp()).isEqualTo(T0);
            assertThat(hit.event().event().id()).isEqualTo("e1");
        }
    }

    @Test
    void withoutAControlInputTheFixedFunctionGivesTheSameAlertsAndHits() throws Exception {
        List<SecurityEvent> events = List.of(TestEvents.sshFailure("e1", T0, "198.51.100.9"),
                accepted("e2", T0.plusSeconds(1), "198.51.100.9"), TestEvents.sshFailure("e3", T0.plusSeconds(2), BAD_IP));
        try (var broadcast = harness(new DetectionFunction(v1));
                var fixed = ProcessFunctionTestHarnesses.forProcessFunction(new FixedDetectionFunction(v1))) {
            for (int i = 0; i < events.size(); i++) {
                broadcast.processElement(events.get(i), i);
                fixed.processElement(events.get(i), i);
            }
            assertThat(fixed.extractOutputValues()).isEqualTo(broadcast.extractOutputValues())
                    .extracting(Alert::ruleId).containsExactly(ACCEPTED_ID, "fenghuo.ioc.bad-addresses");
            assertThat(fixed.getSideOutput(DetectionFunction.RULE_HITS)).extracting(StreamRecord::getValue)
                    .isEqualTo(broadcast.getSideOutput(DetectionFunction.RULE_HITS).stream().map(StreamRecord::getValue)
                            .toList())
                    .hasSize(2);
        }
    }

    @Test
    void alertIdsAreDetectionsOwn() throws Exception {
        try (var h = harness(new DetectionFunction(v1))) {
            SecurityEvent event = accepted("e2", T0, "198.51.100.9");
            h.processElement(event, 1);
            var expected = org.fenghuo.detection.sigma.SigmaRuleSet.fromYaml("x", PACK_V1,
                    org.fenghuo.detection.sigma.pipeline.PipelineResolver.IDENTITY, java.util.Map.of(), null)
                    .ruleSet().evaluate(event).get(0).toAlert();
            assertThat(h.extractOutputValues()).containsExactly(expected);
        }
    }

    @Test
    void aReloadReplacesTheRuleSetAndABrokenOneIsRefused() throws Exception {
        DetectionFunction function = new DetectionFunction(v1);
        try (var h = harness(function)) {
            h.processElement(TestEvents.sshFailure("e1", T0, "198.51.100.9"), 1);
            assertThat(ruleIds(h)).isEmpty();

            h.processBroadcastElement(new DetectionUpdate(2, v2), 2);
            h.processElement(TestEvents.sshFailure("e2", T0.plusSeconds(1), "198.51.100.9"), 3);
            h.processElement(TestEvents.sshFailure("e3", T0.plusSeconds(2), BAD_IP), 4);
            // v2 alerts on root failures and has no feed and no correlation
            assertThat(ruleIds(h)).containsExactly(ROOT_ID, ROOT_ID);
            assertThat(hitRuleIds(h)).containsExactly(FAILURE_ID);
            assertThat(function.rules().version()).isEqualTo(2);

            h.processBroadcastElement(new DetectionUpdate(3, broken), 5);
            h.processElement(TestEvents.sshFailure("e4", T0.plusSeconds(3), "198.51.100.9"), 6);
            assertThat(function.rules().version()).isEqualTo(2);
            assertThat(function.reloadFailures()).isEqualTo(1);
            assertThat(ruleIds(h)).containsExactly(ROOT_ID, ROOT_ID, ROOT_ID);
            assertThat(h.getBroadcastState(DetectionFunction.UPDATES).get(DetectionFunction.CURRENT).version())
                    .isEqualTo(2);

            // not newer than what runs: ignored (a replayed control topic cannot roll back)
            h.processBroadcastElement(new DetectionUpdate(1, v1), 7);
            assertThat(function.rules().version()).isEqualTo(2);
        }
    }

    @Test
    void aReloadOfTheSameSettingsPicksUpEditedFiles() throws Exception {
        DetectionFunction function = new DetectionFunction(v2);
        try (var h = harness(function)) {
            h.processElement(TestEvents.sshFailure("e1", T0, "198.51.100.9"), 1);
            write("v2/pack.yml", PACK_V1);
            h.processBroadcastElement(DetectionUpdate.reload(5), 2);
            h.processElement(accepted("e2", T0.plusSeconds(1), "198.51.100.9"), 3);
            assertThat(ruleIds(h)).containsExactly(ROOT_ID, ACCEPTED_ID);
        }
    }

    @Test
    void aRestoredOperatorRunsTheUpdateItHadAccepted() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(new DetectionFunction(v1))) {
            h.processBroadcastElement(new DetectionUpdate(2, v2), 1);
            snapshot = h.snapshot(1, 10);
        }
        DetectionFunction restored = new DetectionFunction(v1);
        var operator = new org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator<>(restored,
                List.of(DetectionFunction.UPDATES));
        try (var h = new BroadcastOperatorTestHarness<>(operator, 1, 1, 0)) {
            h.setup();
            h.initializeState(snapshot);
            h.open();
            h.processElement(TestEvents.sshFailure("e1", T0, "198.51.100.9"), 2);
            assertThat(ruleIds(h)).containsExactly(ROOT_ID);
            assertThat(restored.rules().version()).isEqualTo(2);
        }
    }

    @Test
    void placeholdersComeFromTheirFile() throws Exception {
        String rule = """
                title: Failure on a gateway
                id: 22222222-3333-4444-8555-666666666666
                logsource: {product: linux, service: sshd}
                detection:
                  selection: {event.outcome: failure, host.hostname|expand: '%Gateways%'}
                  condition: selection
                level: medium
                """;
        Path rules = write("p/pack.yml", rule);
        DetectionSettings settings = new DetectionSettings(List.of(rules.toString()), List.of("none"),
                write("gateways.yml", "Gateways: [gw1, gw2]\n").toString(), null, List.of(), true);
        DetectionRules loaded = DetectionRules.load(settings, 1).rules();
        List<Alert> alerts = new java.util.ArrayList<>();
        loaded.evaluate(TestEvents.sshFailure("e1", T0, "10.0.0.1"), alerts::add, hit -> { });
        assertThat(alerts).extracting(Alert::ruleId).containsExactly("22222222-3333-4444-8555-666666666666");

        DetectionSettings notAMap = new DetectionSettings(List.of(rules.toString()), List.of("none"),
                write("list.yml", "- gw1\n").toString(), null, List.of(), true);
        assertThat(DetectionRules.load(notAMap, 2).refusal()).contains("detection.sigma.placeholders = ")
                .contains("expected a map of placeholder names to values");
    }

    @Test
    void settingsNameEveryBadKeyAndTheOperatorRefusesABrokenInitialSet() {
        DetectionSettings bad = DetectionSettings.defaults().withSigmaRules(dir.resolve("missing").toString())
                .withIndicators("csv:x.txt", "list:" + dir.resolve("nope.txt"));
        assertThat(bad.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("detection.sigma.rules[0]"))
                .anySatisfy(p -> assertThat(p).startsWith("detection.indicators[0] = csv:x.txt: expected stix:FILE"))
                .anySatisfy(p -> assertThat(p).startsWith("detection.indicators[1]"));
        assertThat(DetectionRules.load(broken, 3).refusal())
                .startsWith("rule set version 3 refused: rule ").contains("pack.yml");
        assertThat(DetectionRules.load(broken.withStrict(false), 3).ok()).isTrue();
        assertThatThrownBy(() -> DetectionOperators.detect(null, broken, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused");
    }
}
