package org.fenghuo.detection.anomaly;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/**
 * Runs one {@link KeyedDetector} over events in plain Java, the way the correlation job's keyed
 * operator does: state per key, event-time timers fired in time order when the watermark passes
 * them. The watermark is the largest timestamp seen minus the allowed out-of-orderness; events
 * without a timestamp are counted and skipped. Single-threaded.
 */
public final class DetectorRunner<S extends Serializable> {
    private final KeyedDetector<S> detector;
    private final long outOfOrdernessMillis;
    private final Consumer<Alert> alerts;
    private final Map<String, S> states = new HashMap<>();
    /** (time, key) in firing order. */
    private final TreeSet<Timer> timers = new TreeSet<>();
    private long watermark = Long.MIN_VALUE;
    private long maxTimestamp = Long.MIN_VALUE;
    private long untimed;
    private long unkeyed;

    public DetectorRunner(KeyedDetector<S> detector, long outOfOrdernessMillis, Consumer<Alert> alerts) {
        this.detector = detector;
        this.outOfOrdernessMillis = outOfOrdernessMillis;
        this.alerts = alerts;
    }

    /** Runs {@code detector} over {@code events} with no out-of-orderness, flushes, and returns its alerts. */
    public static <S extends Serializable> List<Alert> run(KeyedDetector<S> detector, Iterable<SecurityEvent> events) {
        List<Alert> out = new ArrayList<>();
        DetectorRunner<S> runner = new DetectorRunner<>(detector, 0, out::add);
        events.forEach(runner::accept);
        runner.finish();
        return out;
    }

    public void accept(SecurityEvent event) {
        if (event.timestamp() == null) {
            untimed++;
            return;
        }
        String key = detector.key(event);
        if (key == null) {
            unkeyed++;
        } else {
            Context context = new Context(key);
            detector.onEvent(event, states.computeIfAbsent(key, k -> detector.newState()), context);
            context.done();
        }
        // the watermark is the stream's, as in Flink: an event the detector declines still moves time on
        long t = event.timestamp().toEpochMilli();
        if (t > maxTimestamp) {
            maxTimestamp = t;
            advanceTo(t - outOfOrdernessMillis);
        }
    }

    /** End of input: the watermark goes to the end of time, so every pending timer fires. */
    public void finish() {
        advanceTo(Long.MAX_VALUE);
    }

    /** Moves the watermark to {@code millis} (never back) and fires the timers it passes. */
    public void advanceTo(long millis) {
        if (millis <= watermark) {
            return;
        }
        watermark = millis;
        while (!timers.isEmpty() && timers.first().time <= watermark) {
            Timer timer = timers.pollFirst();
            // as in Flink, a timer of a key whose state was cleared still fires, with fresh state
            S state = states.computeIfAbsent(timer.key, k -> detector.newState());
            Context context = new Context(timer.key);
            detector.onTimer(timer.time, state, context);
            context.done();
        }
    }

    public int keys() {
        return states.size();
    }

    public int pendingTimers() {
        return timers.size();
    }

    /** Events skipped because they had no {@code @timestamp}. */
    public long untimed() {
        return untimed;
    }

    /** Events the detector declined (no key). */
    public long unkeyed() {
        return unkeyed;
    }

    private record Timer(long time, String key) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    private final class Context implements DetectorContext {
        private final String key;
        private boolean clear;

        Context(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long watermarkMillis() {
            return watermark;
        }

        @Override
        public void registerTimer(long eventTimeMillis) {
            timers.add(new Timer(eventTimeMillis, key));
        }

        @Override
        public void deleteTimer(long eventTimeMillis) {
            timers.remove(new Timer(eventTimeMillis, key));
        }

        @Override
        public void emit(Alert alert) {
            alerts.accept(alert);
        }

        @Override
        public void clearState() {
            clear = true;
        }

        void done() {
            if (clear) {
                // as in Flink, clearing state leaves the key's timers: a detector deletes the ones it no longer wants
                states.remove(key);
            }
        }
    }
}
