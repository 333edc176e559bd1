package org.fenghuo.detection.anomaly.auth;

import java.io.Serializable;
import java.util.ArrayDeque;
import org.fenghuo.detection.anomaly.support.ExpiryTimer;

/**
 * One key's recent failed logins. Only the newest failures needed to reach the threshold are
 * kept: at most {@code minFailures} entries, since an older failure leaves the window before any
 * newer one.
 */
public final class AuthState implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One failure line; {@code weight} > 1 for syslog's "message repeated N times". */
    record Failure(long millis, int weight, String eventId, String user) implements Serializable {
    }

    final ArrayDeque<Failure> failures = new ArrayDeque<>();
    /** Sum of the kept failures' weights. */
    long weight;
    /** Failed attempts since the key was last fresh (for the message; not bounded by the window). */
    long total;
    long alertSuppressedUntil = Long.MIN_VALUE;
    long armedUntil = Long.MIN_VALUE;
    final ExpiryTimer timer = new ExpiryTimer();

    /** Adds a failure, forgets those at or before {@code cutoff}, and keeps only what the threshold needs. */
    void add(Failure f, long cutoff, int threshold) {
        failures.addLast(f);
        weight += f.weight();
        total += f.weight();
        while (!failures.isEmpty() && failures.peekFirst().millis() <= cutoff) {
            weight -= failures.pollFirst().weight();
        }
        while (failures.size() > 1 && weight - failures.peekFirst().weight() >= threshold) {
            weight -= failures.pollFirst().weight();
        }
    }

    public int failuresHeld() {
        return failures.size();
    }

    boolean idle() {
        return failures.isEmpty() && timer.expiry() == Long.MIN_VALUE;
    }
}
