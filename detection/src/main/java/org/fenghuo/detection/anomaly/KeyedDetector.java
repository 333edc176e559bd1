package org.fenghuo.detection.anomaly;

import java.io.Serializable;
import org.fenghuo.events.SecurityEvent;

/**
 * An anomaly detector as a keyed, event-time state machine, so the correlation job can host it in a
 * Flink keyed process function (state in Flink state, timers as Flink event-time timers) and
 * {@link DetectorRunner} can run it in plain Java (tests, {@code fenghuo detect}).
 *
 * <p>Contract: everything the detector remembers lives in its per-key state object {@code S}
 * (mutable, {@link Serializable}, bounded in size: a detector caps what it keeps per key); the
 * detector object itself is immutable configuration. Time is the events' {@code @timestamp} only,
 * never the wall clock. {@link #onTimer} runs once the event-time watermark passes a registered
 * time; a timer is also how a detector forgets an idle key ({@link DetectorContext#clearState}).
 *
 * @param <S> per-key state
 */
public interface KeyedDetector<S extends Serializable> {

    /** Stable id, also the {@code rule.id} of its alerts, e.g. {@code fenghuo.anomaly.port_scan.horizontal}. */
    String id();

    /** The key this event is judged under (e.g. the source address); null when the event is not for this detector. */
    String key(SecurityEvent event);

    /** Fresh state for a key seen for the first time (or again after {@link DetectorContext#clearState}). */
    S newState();

    /** One event of this key, in event-time order up to the source's bounded out-of-orderness. */
    void onEvent(SecurityEvent event, S state, DetectorContext context);

    /** A timer registered for this key fired: the watermark reached {@code timerMillis}. */
    void onTimer(long timerMillis, S state, DetectorContext context);
}
