package org.fenghuo.correlation.job;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The in-process Flink (a MiniCluster) used by {@code fenghuo run}, the tests and the benchmarks. */
public final class LocalEnvironments {
    private LocalEnvironments() {
    }

    /**
     * A local environment that refuses generic (Kryo) types, so a type Flink cannot serialise
     * efficiently fails at job build time instead of slowing down production.
     */
    public static StreamExecutionEnvironment create(int parallelism) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, configuration(defaultCheckpointDirectory()));
    }

    /**
     * The configuration of {@link #create}: no Kryo, and checkpoints on the file system under
     * {@code checkpoints}. Flink's default keeps checkpoints in the JobManager's memory, limited to a
     * few MB per state: the events the anomaly operator holds until the watermark passes them outgrow
     * that as soon as one partition lags, and every checkpoint then fails.
     */
    public static Configuration configuration(Path checkpoints) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        return config;
    }

    private static Path defaultCheckpointDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "fenghuo-checkpoints");
    }
}
