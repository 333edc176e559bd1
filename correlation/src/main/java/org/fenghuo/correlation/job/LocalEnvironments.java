package org.fenghuo.correlation.job;

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
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    }
}
