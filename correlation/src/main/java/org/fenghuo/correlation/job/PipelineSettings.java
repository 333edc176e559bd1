package org.fenghuo.correlation.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fenghuo.correlation.settings.SettingsCheck;

/**
 * Settings of the event pipeline that do not depend on where its input comes from or goes to.
 *
 * @param maxOutOfOrderness how late an event may arrive and still be in order for event time
 * @param sourceIdleness    after how long without records a source partition stops holding back
 *                          the watermark (so one quiet partition does not stall every window)
 * @param checkpointInterval how often state is checkpointed and the sinks flush; zero disables
 */
public record PipelineSettings(Duration maxOutOfOrderness, Duration sourceIdleness, Duration checkpointInterval) {

    public static PipelineSettings defaults() {
        return new PipelineSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** Every problem at once, each naming its key, so a bad configuration is fixed in one go. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SettingsCheck.nonNegative("pipeline.max-out-of-orderness", maxOutOfOrderness, problems);
        SettingsCheck.positive("pipeline.source-idleness", sourceIdleness, problems);
        SettingsCheck.nonNegative("pipeline.checkpoint-interval", checkpointInterval, problems);
        return problems;
    }

    public PipelineSettings validated() {
        SettingsCheck.throwIfAny("pipeline settings", problems());
        return this;
    }
}
