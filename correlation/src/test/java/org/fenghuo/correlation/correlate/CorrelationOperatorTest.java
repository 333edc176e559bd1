package org.fenghuo.correlation.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.correlate.Scenario.at;
import static org.fenghuo.correlation.correlate.Scenario.hit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.fenghuo.correlation.engine.EplRule;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.correlation.types.AlertSerializer;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

/** The operator on Flink's keyed harness: buffering by watermark, late hits, snapshot and restore. */
class CorrelationOperatorTest {
    static final int MAX_PARALLELISM = 128;
    private static final String IP = "10.0.0.1";

    /** A subtask of the operator as {@link CorrelationOperators} wires it, opened (restored from {@code state} if given). */
    static KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> harness(CorrelationRules rules,
            OperatorSubtaskState state, int parallelism, int subtask) throws Exception {
        HitKeys keys = new HitKeys();
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new CorrelationOperator(rules, CorrelatorFactory.ESPER, keys, CorrelationOperators.LATE_HITS), keys,
                Types.STRING, MAX_PARALLELISM, parallelism, subtask);
        h.setup(AlertSerializer.INSTANCE);
        if (state == null) {
            h.initializeEmptyState();
        } else {
            h.initializeState(state);
        }
        h.open();
        return h;
    }

    static CorrelationOperator operator(KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> h) {
        return (CorrelationOperator) h.getOperator();
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, RuleHit, Alert> h, RuleHit hit)
            throws Exception {
        h.processElement(hit, hit.timestamp().toEpochMilli());
    }

    @Test
    void outOfOrderHitsWithinTheBoundGiveTheAlertsOfTheInOrderCorrelator() throws Exception {
        List<RuleHit> hits = Scenario.stream(7, 120);
        long bound = 3_000;
        long end = hits.get(hits.size() - 1).timestamp().toEpochMilli() + 10 * Scenario.SPAN;
        List<Alert> expected = Scenario.reference(Scenario.RULES, hits, end);
        List<RuleHit> shuffled = Scenario.shuffled(hits, bound, 11);
        assertThat(shuffled).isNotEqualTo(hits);

        try (var h = harness(Scenario.rules(Scenario.RULES), null, 1, 0)) {
            long maxSeen = Long.MIN_VALUE;
            for (int i = 0; i < shuffled.size(); i++) {
                send(h, shuffled.get(i));
                maxSeen = Math.max(maxSeen, shuffled.get(i).timestamp().toEpochMilli());
                if (i % 17 == 16) {
                    h.processWatermark(maxSeen - bound - 1); // as forBoundedOutOfOrderness would
                }
            }
            h.processWatermark(end);
            assertThat(expected).hasSizeGreaterThan(100);
            assertThat(h.extractOutputValues()).containsExactlyElementsOf(expected);
            // each alert carries its own time as the record's timestamp
            assertThat(h.extractOutputStreamRecords()).allSatisfy(
                    r -> assertThat(r.getTimestamp()).isEqualTo(r.getValue().timestamp().toEpochMilli()));
            CorrelationOperator.Counts counts = operator(h).counts();
            assertThat(counts).isEqualTo(new CorrelationOperator.Counts(hits.size(), 0, 0, expected.size()));
            assertThat(operator(h).bufferedHits()).isZero();
            assertThat(operator(h).droppedHits()).isZero();
        }
    }

    @Test
    void hitsOfOneTimeGoToTheCorrelatorInContentOrderWhateverTheirArrival() throws Exception {
        // "a then c" needs a before c; both at 1 s, c arriving first: rule id a < c decides
        RuleHit a = hit("a", "2", 1_000, IP, "u");
        RuleHit c = hit("c", "1", 1_000, IP, "u");
        List<Alert> plainInArrivalOrder = new ArrayList<>();
        try (var plain = new EsperAlertCorrelator(Scenario.rules(Scenario.RULES).load().correlations(), List.of(),
                plainInArrivalOrder::add)) {
            plain.accept(c);
            plain.accept(a);
            plain.advanceWatermark(Instant.ofEpochMilli(at(60_000)));
        }
        assertThat(plainInArrivalOrder).extracting(Scenario::line).doesNotContain("a_then_c@1000");
        for (List<RuleHit> arrival : List.of(List.of(c, a), List.of(a, c))) {
            try (var h = harness(Scenario.rules(Scenario.RULES), null, 1, 0)) {
                for (RuleHit x : arrival) {
                    send(h, x);
                }
                h.processWatermark(at(60_000));
                assertThat(h.extractOutputValues()).extracting(Scenario::line).contains("a_then_c@1000");
            }
        }
    }

    @Test
    void aHitNotAfterTheWatermarkIsLateCountedAndOnTheSideOutput() throws Exception {
        try (var h = harness(Scenario.rules(Scenario.THREE_A), null, 1, 0)) {
            send(h, hit("a", "1", 4_000, IP, "u"));
            h.processWatermark(at(5_000));
            RuleHit before = hit("a", "2", 3_000, IP, "u");
            RuleHit atMark = hit("a", "3", 5_000, IP, "u");
            RuleHit untimed = new RuleHit("id-of-a", "a", null, before.event());
            send(h, before);
            send(h, atMark);
            h.processElement(new StreamRecord<>(untimed)); // no time on the hit nor on the record
            send(h, hit("a", "4", 5_001, IP, "u"));
            h.processWatermark(at(60_000));

            assertThat(h.getSideOutput(CorrelationOperators.LATE_HITS)).extracting(StreamRecord::getValue)
                    .containsExactly(before, atMark, untimed);
            assertThat(operator(h).counts()).isEqualTo(new CorrelationOperator.Counts(5, 2, 1, 0));
            // the late ones never reached the correlator: hits 1 and 4 alone do not make three
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void aHitWithoutTimeTakesTheRecordTimestamp() throws Exception {
        try (var h = harness(Scenario.rules(Scenario.THREE_A), null, 1, 0)) {
            for (int i = 0; i < 3; i++) {
                RuleHit timed = hit("a", "e" + i, 1_000L * i, IP, "u");
                h.processElement(new RuleHit(timed.ruleId(), timed.ruleName(), null, timed.event()), at(1_000L * i));
            }
            h.processWatermark(at(30_000));
            assertThat(h.extractOutputValues()).extracting(Scenario::line).containsExactly("three_a@2000");
        }
    }

    @Test
    void theFinalWatermarkOfABoundedInputDecidesTheOpenWindows() throws Exception {
        try (var h = harness(Scenario.rules(Scenario.RULES), null, 1, 0)) {
            send(h, hit("c", "1", 0, IP, "u"));
            send(h, hit("c", "2", 1_000, IP, "u"));
            h.processWatermark(at(5_000));
            assertThat(h.extractOutputValues()).isEmpty(); // "exactly two c" is decided when its 10 s end
            h.processWatermark(Long.MAX_VALUE);
            assertThat(h.extractOutputValues()).extracting(Scenario::line).containsExactly("two_c@1000");
        }
    }

    /** Hits at 0, 1 and 2 s: the third makes three within 10 s. */
    private static List<RuleHit> threeHits() {
        return List.of(hit("a", "1", 0, IP, "u"), hit("a", "2", 1_000, IP, "u"), hit("a", "3", 2_000, IP, "u"));
    }

    private static List<Alert> uninterrupted(String yaml, List<RuleHit> first, long mark, List<RuleHit> second,
            long end) throws Exception {
        try (var h = harness(Scenario.rules(yaml), null, 1, 0)) {
            for (RuleHit x : first) {
                send(h, x);
            }
            h.processWatermark(mark);
            for (RuleHit x : second) {
                send(h, x);
            }
            h.processWatermark(end);
            return h.extractOutputValues();
        }
    }

    @Test
    void aCorrelationSpanningARestoreFiresExactlyOnceWithTheSameAlert() throws Exception {
        List<RuleHit> hits = threeHits();
        List<Alert> expected = uninterrupted(Scenario.THREE_A, hits.subList(0, 2), at(1_500), hits.subList(2, 3),
                at(60_000));
        assertThat(expected).extracting(Scenario::line).containsExactly("three_a@2000");

        OperatorSubtaskState state;
        try (var h = harness(Scenario.rules(Scenario.THREE_A), null, 1, 0)) {
            send(h, hits.get(0));
            send(h, hits.get(1));
            h.processWatermark(at(500)); // hit 1 goes to the correlator, hit 2 stays buffered
            state = h.snapshot(1, 1);
            assertThat(h.extractOutputValues()).isEmpty();
        }
        try (var h = harness(Scenario.rules(Scenario.THREE_A), state, 1, 0)) { // a fresh Esper runtime
            assertThat(operator(h).bufferedHits()).isEqualTo(1);
            send(h, hits.get(2));
            h.processWatermark(at(60_000));
            assertThat(h.extractOutputValues()).containsExactlyElementsOf(expected);
            assertThat(h.getSideOutput(CorrelationOperators.LATE_HITS)).isNullOrEmpty();
        }
    }

    @Test
    void aRestoreRightAfterAnAlertKeepsTheMuteAndTheWindow() throws Exception {
        List<RuleHit> before = new ArrayList<>(threeHits());
        before.add(hit("a", "4", 3_000, IP, "u"));
        // 4 s: muted (three_a alerted at 2 s); 12.5 s: hits 3 s, 4 s and 12.5 s make three after the mute
        List<RuleHit> after = List.of(hit("a", "5", 4_000, IP, "u"), hit("a", "6", 12_500, IP, "u"));
        List<Alert> expected = uninterrupted(Scenario.THREE_A, before, at(3_500), after, at(60_000));
        assertThat(expected).extracting(Scenario::line).containsExactly("three_a@2000", "three_a@12500");

        OperatorSubtaskState state;
        try (var h = harness(Scenario.rules(Scenario.THREE_A), null, 1, 0)) {
            for (RuleHit x : before) {
                send(h, x);
            }
            h.processWatermark(at(3_500));
            assertThat(h.extractOutputValues()).containsExactly(expected.get(0));
            state = h.snapshot(1, 1);
        }
        try (var h = harness(Scenario.rules(Scenario.THREE_A), state, 1, 0)) {
            for (RuleHit x : after) {
                send(h, x);
            }
            h.processWatermark(at(60_000));
            assertThat(h.extractOutputValues()).containsExactly(expected.get(1));
        }
    }

    @Test
    void aBrokenEplRuleAndAnInvalidSigmaDocumentAreRefusedAndTheOthersRun() throws Exception {
        RuleInfo broken = new RuleInfo("epl.broken", "broken", null, Severity.LOW, IncidentCategory.ABNORMAL_BEHAVIOUR,
                null, null);
        RuleInfo seen = new RuleInfo("epl.seen", "seen", null, Severity.LOW, IncidentCategory.ABNORMAL_BEHAVIOUR,
                null, null);
        CorrelationRules rules = Scenario.rules(Scenario.THREE_A)
                .withSigmaText("bad.yml", "title: no type\nid: bad\ncorrelation: {rules: [a], timespan: 10s}\n")
                .withEpl(List.of(
                        new EplRule(broken, "@name('alert') select time, ruleId as message fro Hit", Duration.ofMinutes(1)),
                        new EplRule(seen, "@name('alert') select time, 'seen ' || ruleId as message from Hit(ruleId = 'id-of-b')",
                                Duration.ofMinutes(1))));
        try (var h = harness(rules, null, 1, 0)) {
            assertThat(operator(h).rulesRejected()).isEqualTo(2);
            for (RuleHit x : threeHits()) {
                send(h, x);
            }
            send(h, hit("b", "b1", 2_500, IP, "u"));
            h.processWatermark(at(60_000));
            assertThat(h.extractOutputValues()).extracting(Scenario::line)
                    .containsExactly("three_a@2000", "epl.seen@2500");
        }
    }
}
