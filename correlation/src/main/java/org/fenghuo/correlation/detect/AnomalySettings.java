package org.fenghuo.correlation.detect;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fenghuo.correlation.settings.SettingsCheck;

/**
 * @param stateTtl {@code anomaly.state-ttl}: a safety net on every detector's per-key state
 *                 (processing time, refreshed on each write; default 24 h). Detectors forget an
 *                 idle key themselves with event-time timers; the TTL only catches a key whose
 *                 timer never fires (a watermark that stops, a detector bug)
 */
public record AnomalySettings(Duration stateTtl) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static AnomalySettings defaults() {
        return new AnomalySettings(Duration.ofHours(24));
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SettingsCheck.positive("anomaly.state-ttl", stateTtl, problems);
        return problems;
    }

    public AnomalySettings validated() {
        SettingsCheck.throwIfAny("anomaly settings", problems());
        return this;
    }
}
