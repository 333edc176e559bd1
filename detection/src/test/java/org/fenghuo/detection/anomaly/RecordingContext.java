package org.fenghuo.detection.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.fenghuo.events.Alert;

/** A {@link DetectorContext} for driving a detector's state directly, to look inside it. */
public final class RecordingContext implements DetectorContext {
    private final String key;
    public final List<Alert> alerts = new ArrayList<>();
    public final TreeSet<Long> timers = new TreeSet<>();
    public boolean cleared;

    public RecordingContext(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long watermarkMillis() {
        return Long.MIN_VALUE;
    }

    @Override
    public void registerTimer(long eventTimeMillis) {
        timers.add(eventTimeMillis);
    }

    @Override
    public void deleteTimer(long eventTimeMillis) {
        timers.remove(eventTimeMillis);
    }

    @Override
    public void emit(Alert alert) {
        alerts.add(alert);
    }

    @Override
    public void clearState() {
        cleared = true;
    }
}
