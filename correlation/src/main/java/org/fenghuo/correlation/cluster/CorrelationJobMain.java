package org.fenghuo.correlation.cluster;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.job.EventPipelineJob;
import org.fenghuo.correlation.job.KafkaToElasticsearch;

/**
 * The correlation job's entry point on a Flink cluster:
 * {@code flink run -p 2 -c org.fenghuo.correlation.cluster.CorrelationJobMain fenghuo-correlation-<version>-job.jar
 * --kafka kafka:9092 --elasticsearch http://es:9200}. The same topology {@code fenghuo run} starts on a
 * MiniCluster, through {@link KafkaToElasticsearch} only, so the two deployments cannot drift apart.
 *
 * <p>Bad options print every problem, each naming its option, and exit with {@value #EXIT_BAD_OPTIONS};
 * {@code --help} prints the usage.
 */
public final class CorrelationJobMain {
    /** Exit code of a command line that cannot be run. */
    public static final int EXIT_BAD_OPTIONS = 2;

    /** How a built pipeline is run: the real one executes it on the environment {@code flink run} provides. */
    @FunctionalInterface
    interface Launcher {
        void launch(KafkaToElasticsearch pipeline, StreamExecutionEnvironment env) throws Exception;
    }

    private CorrelationJobMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.getenv(), System.out, System.err, CorrelationJobMain::execute);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses, checks and launches; returns the process exit code. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err, Launcher launcher)
            throws Exception {
        JobOptions.Parsed parsed = JobOptions.parse(args);
        if (parsed.help()) {
            out.print(JobOptions.usage());
            return 0;
        }
        List<String> problems = new ArrayList<>(parsed.problems());
        if (parsed.ok()) {
            // files and passphrase checked here too, in option terms, before Flink builds anything
            parsed.options().pii().problems(environment).forEach(p -> problems.add(p
                    .replace("pii.keystore", "--pii-keystore").replace("pii.passphrase-file", "--pii-passphrase-file")));
        }
        if (!problems.isEmpty()) {
            err.println("fenghuo correlation job: cannot start:");
            problems.forEach(p -> err.println("  " + p));
            err.println();
            err.print(JobOptions.usage());
            return EXIT_BAD_OPTIONS;
        }
        JobOptions options = parsed.options();
        launcher.launch(options.pipeline(), environment(options));
        return 0;
    }

    /**
     * The environment of {@code flink run} (a local one when started from an IDE), configured so that a
     * lost task manager is survived: checkpoints on (by the pipeline settings), restarts with a growing delay
     * for as long as it takes, and no silent fallback to Kryo.
     */
    static StreamExecutionEnvironment environment(JobOptions options) {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, Duration.ofSeconds(1));
        config.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, Duration.ofSeconds(30));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        if (options.parallelism() != null) {
            env.setParallelism(options.parallelism());
        }
        return env;
    }

    private static void execute(KafkaToElasticsearch pipeline, StreamExecutionEnvironment env) throws Exception {
        pipeline.addTo(env);
        env.execute(EventPipelineJob.JOB_NAME);
    }
}
