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

    /**
     * How long a checkpoint may take before it fails (and the job restarts from the previous one).
     * With the interval it must stay below the Kafka sinks' transaction timeout: a transaction older
     * than that is aborted by the broker and its records lost without the job noticing.
     */
    public static final Duration CHECKPOINT_TIMEOUT = Duration.ofMinutes(3);
    /** The longest interval the Kafka sinks' transaction timeout (10 min) leaves room for. */
    public static final Duration MAX_CHECKPOINT_INTERVAL = Duration.ofMinutes(5);

    public static PipelineSettings defaults() {
        return new PipelineSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** Every problem at once, each naming its key, so a bad configuration is fixed in one go. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        SettingsCheck.nonNegative("pipeline.max-out-of-orderness", maxOutOfOrderness, problems);
        SettingsCheck.positive("pipeline.source-idleness", sourceIdleness, problems);
        SettingsCheck.nonNegative("pipeline.checkpoint-interval", checkpointInterval, problems);
        if (checkpointInterval != null && checkpointInterval.compareTo(MAX_CHECKPOINT_INTERVAL) > 0) {
            problems.add("pipeline.checkpoint-interval = " + checkpointInterval + ": expected at most " + MAX_CHECKPOINT_INTERVAL
                    + " (with the " + CHECKPOINT_TIMEOUT + " checkpoint timeout it must stay below the Kafka transaction timeout)");
        }
        return problems;
    }

    public PipelineSettings validated() {
        SettingsCheck.throwIfAny("pipeline settings", problems());
        return this;
    }
}
