package org.fenghuo.detection.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class DetectorRunnerTest {
    private static final RuleInfo RULE = new RuleInfo("test.count", "count per source", null, Severity.LOW,
            IncidentCategory.ABNORMAL_BEHAVIOUR, null, null);

    /** Counts events per source and reports the count 10 s after the first one, then forgets the key. */
    static final class CountingDetector implements KeyedDetector<CountingDetector.State> {
        static final class State implements java.io.Serializable {
            int count;
            long firstMillis = -1;
        }

        @Override
        public String id() {
            return RULE.id();
        }

        @Override
        public String key(SecurityEvent event) {
            return event.source() == null ? null : event.source().ip();
        }

        @Override
        public State newState() {
            return new State();
        }

        @Override
        public void onEvent(SecurityEvent event, State state, DetectorContext context) {
            if (state.firstMillis < 0) {
                state.firstMillis = event.timestamp().toEpochMilli();
                context.registerTimer(state.firstMillis + 10_000);
            }
            state.count++;
        }

        @Override
        public void onTimer(long timerMillis, State state, DetectorContext context) {
            context.emit(Alerts.of(RULE, Instant.ofEpochMilli(timerMillis), List.of(),
                    Entities.of(context.key(), null, null, null), context.key() + ": " + state.count));
            context.clearState();
        }
    }

    @Test
    void timersFireInEventTimeOrderWhenTheWatermarkPassesThemAndStateIsPerKey() {
        List<Alert> alerts = new ArrayList<>();
        DetectorRunner<CountingDetector.State> runner = new DetectorRunner<>(new CountingDetector(), 2_000, alerts::add);
        runner.accept(event("10.0.0.1", 0));
        runner.accept(event("10.0.0.2", 2));
        runner.accept(event("10.0.0.1", 5));
        runner.accept(event(null, 6));
        runner.accept(SecurityEvent.builder().build());
        runner.accept(event("10.0.0.1", 11)); // watermark 9 s: nothing due yet
        assertThat(alerts).isEmpty();
        runner.accept(event(null, 12)); // declined by the detector, but the watermark moves to 10 s
        assertThat(alerts).extracting(Alert::message).containsExactly("10.0.0.1: 3");
        runner.accept(event("10.0.0.2", 13)); // watermark 11 s: 10.0.0.2's timer (12 s) not yet due
        assertThat(alerts).extracting(Alert::message).containsExactly("10.0.0.1: 3");
        runner.finish();
        assertThat(alerts).extracting(Alert::message).containsExactly("10.0.0.1: 3", "10.0.0.2: 2");
        assertThat(runner.keys()).isZero();
        assertThat(runner.untimed()).isEqualTo(1);
        assertThat(runner.unkeyed()).isEqualTo(2);
    }

    @Test
    void anEventIsHandledBeforeTheWatermarkItRaisesAndAClearedKeyStartsAgain() {
        // as in Flink, the watermark follows the event: the event at 20 s still counts before the 10 s timer fires
        List<Alert> alerts = DetectorRunner.run(new CountingDetector(),
                List.of(event("h", 0), event("h", 20), event("h", 21)));
        assertThat(alerts).extracting(Alert::message).containsExactly("h: 2", "h: 1");
    }

    private static SecurityEvent event(String source, long second) {
        return SecurityEvent.builder().timestamp(Instant.ofEpochSecond(second))
                .source(source == null ? null : new SecurityEvent.Endpoint(source, null, null, null, null, null, null))
                .build();
    }
}
