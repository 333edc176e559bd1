package org.fenghuo.detection.anomaly;

import org.fenghuo.events.Alert;

/** What a {@link KeyedDetector} may do while handling an event or a timer of one key. */
public interface DetectorContext {

    /** The key being handled. */
    String key();

    /** The current event-time watermark in epoch milliseconds ({@link Long#MIN_VALUE} before any). */
    long watermarkMillis();

    /** Calls {@link KeyedDetector#onTimer} for this key once the watermark reaches {@code eventTimeMillis}; one timer per time. */
    void registerTimer(long eventTimeMillis);

    /** Cancels a timer registered for this key (no effect when there is none). */
    void deleteTimer(long eventTimeMillis);

    /** Publishes an alert. */
    void emit(Alert alert);

    /**
     * Forgets this key's state after the current call (the next event of the key starts from
     * {@link KeyedDetector#newState}). As in Flink, the key's timers stay: delete the ones no longer wanted.
     */
    void clearState();
}
