package org.fenghuo.bench.sigma;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fenghuo.detection.sigma.LoadResult;
import org.fenghuo.detection.sigma.SigmaRuleSet;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.pipeline.Pipelines;
import org.fenghuo.events.SecurityEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Sigma engine on one thread: every loadable rule of SigmaHQ rules + emerging-threats +
 * threat-hunting active, {@value #EVENTS} synthetic ECS events (flows, DNS, HTTP, linux auth and
 * process starts) evaluated in turn; the score is events/s.
 *
 * <p>{@code pipeline=standard}: the shipped processing pipelines ({@code Pipelines.standard()}).
 * {@code pipeline=ecs}: log sources mapped by {@link BenchPipeline}, a simpler stand-in written
 * before the pipelines existed. Both: an event meets only its groups' rules. {@code pipeline=identity}:
 * no log-source conditions at all, every rule considered for every event (the worst case: only
 * the literal pre-filter stands between an event and 3,700 rules).
 *
 * <p>Rules are read from {@code -Dsigma.data=DIR} (default: the nearest {@code shared/data/sigma}
 * above the working directory).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SigmaEngineBenchmark {
    static final int EVENTS = 4096;

    @Param({"standard", "ecs", "identity"})
    public String pipeline;

    private SigmaRuleSet rules;
    private SecurityEvent[] events;

    @Setup
    public void setUp() {
        LoadResult r = load(resolver(pipeline));
        rules = r.ruleSet();
        System.out.println("\n" + r.report().summary() + "; " + rules.indexSummary());
        events = BenchTraffic.generate(EVENTS, 20261124L).toArray(SecurityEvent[]::new);
        long matches = 0;
        for (SecurityEvent e : events) {
            matches += rules.countMatches(e);
        }
        System.out.println(matches + " matches on " + EVENTS + " events");
    }

    /** standard: the shipped pipelines; ecs: {@link BenchPipeline}; identity: no mapping. */
    static PipelineResolver resolver(String name) {
        return switch (name) {
            case "standard" -> Pipelines.standard();
            case "ecs" -> new BenchPipeline();
            case "identity" -> PipelineResolver.IDENTITY;
            default -> throw new IllegalArgumentException("pipeline must be standard, ecs or identity: " + name);
        };
    }

    static LoadResult load(PipelineResolver resolver) {
        Path sigma = sigmaData();
        return SigmaRuleSet.load(List.of(sigma.resolve("rules"), sigma.resolve("rules-emerging-threats"),
                sigma.resolve("rules-threat-hunting")), resolver, Map.of(), null);
    }

    static Path sigmaData() {
        String configured = System.getProperty("sigma.data");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/sigma");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/sigma above " + Path.of("").toAbsolutePath()
                + ": set -Dsigma.data=DIR");
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long evaluate() {
        long matches = 0;
        for (SecurityEvent e : events) {
            matches += rules.countMatches(e);
        }
        return matches;
    }
}
