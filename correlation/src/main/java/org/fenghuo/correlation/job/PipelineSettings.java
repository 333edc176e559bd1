package org.fenghuo.correlation.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        requireNonNegative("pipeline.max-out-of-orderness", maxOutOfOrderness, problems);
        requirePositive("pipeline.source-idleness", sourceIdleness, problems);
        requireNonNegative("pipeline.checkpoint-interval", checkpointInterval, problems);
        return problems;
    }

    public PipelineSettings validated() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid pipeline settings: " + String.join("; ", problems));
        }
        return this;
    }

    private static void requireNonNegative(String key, Duration value, List<String> problems) {
        if (value == null || value.isNegative()) {
            problems.add(key + " = " + value + ": expected a duration >= 0");
        }
    }

    private static void requirePositive(String key, Duration value, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(key + " = " + value + ": expected a duration > 0");
        }
    }
}
