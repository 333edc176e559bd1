package org.fenghuo.correlation.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fenghuo.correlation.settings.SettingsCheck;

/**
 * How the event-time guard judges timestamps.
 *
 * @param maxFutureSkew   {@code event-time.max-future-skew}: an event stamped further than this ahead
 *                        of the processing clock is dead-lettered, so one bad clock cannot drag the
 *                        watermark (and every window) forward; default 5 minutes
 * @param allowedLateness {@code event-time.allowed-lateness}: how far behind the watermark an event
 *                        may be and still count as on time for the keyed operators; default 0 (the
 *                        watermark's own out-of-orderness is the allowance)
 */
public record EventTimeSettings(Duration maxFutureSkew, Duration allowedLateness) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static EventTimeSettings defaults() {
        return new EventTimeSettings(Duration.ofMinutes(5), Duration.ZERO);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SettingsCheck.positive("event-time.max-future-skew", maxFutureSkew, problems);
        SettingsCheck.nonNegative("event-time.allowed-lateness", allowedLateness, problems);
        return problems;
    }

    public EventTimeSettings validated() {
        SettingsCheck.throwIfAny("event-time settings", problems());
        return this;
    }
}
