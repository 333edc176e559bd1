package org.fenghuo.detection.anomaly.support;

import java.io.Serializable;
import org.fenghuo.detection.anomaly.DetectorContext;

/**
 * One pending event-time timer per key, however many events the key sees: the expiry moves
 * forward in state, and the timer, when it fires early, re-registers at the current expiry. Kept
 * in the key's state so it is checkpointed with it.
 */
public final class ExpiryTimer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long NONE = Long.MIN_VALUE;

    private long expiry = NONE;
    private long registered = NONE;

    /** The key must live at least until {@code millis}. */
    public void extendTo(long millis, DetectorContext context) {
        if (millis > expiry) {
            expiry = millis;
        }
        if (registered == NONE) {
            registered = expiry;
            context.registerTimer(expiry);
        }
    }

    /**
     * Handles a timer of the key: true when the key has reached its expiry (the caller clears its
     * state; no timer is left); otherwise the timer moves to the expiry and false is returned.
     */
    public boolean expired(long timerMillis, DetectorContext context) {
        if (registered == NONE) {
            // fresh state: a timer left from before the key was cleared; nothing to keep
            return true;
        }
        if (timerMillis != registered) {
            return false;
        }
        if (timerMillis >= expiry) {
            registered = NONE;
            return true;
        }
        registered = expiry;
        context.registerTimer(expiry);
        return false;
    }

    /** When the key expires ({@link Long#MIN_VALUE} before any extension). */
    public long expiry() {
        return expiry;
    }
}
