package org.fenghuo.detection.sigma.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several pipelines applied in ascending priority (equal priorities keep the order given), as
 * pySigma does. A log source's resolution is computed once and cached: rules are few, log sources
 * fewer, and a {@link LogSourceMapping} is immutable.
 */
public final class Pipelines implements PipelineResolver {
    /** The shipped pipelines, in the order {@link #standard()} loads them. */
    public static final List<String> STANDARD_RESOURCES = List.of(
            "org/fenghuo/detection/sigma/pipeline/ecs-network.yml",
            "org/fenghuo/detection/sigma/pipeline/ecs-linux.yml",
            "org/fenghuo/detection/sigma/pipeline/ecs-windows.yml",
            "org/fenghuo/detection/sigma/pipeline/ecs-products.yml");

    private final List<ProcessingPipeline> pipelines;
    private final Map<LogSource, LogSourceMapping> cache = new ConcurrentHashMap<>();

    private Pipelines(List<ProcessingPipeline> pipelines) {
        List<ProcessingPipeline> sorted = new ArrayList<>(pipelines);
        sorted.sort(Comparator.comparingInt(ProcessingPipeline::priority)); // stable
        this.pipelines = List.copyOf(sorted);
    }

    public static Pipelines of(List<ProcessingPipeline> pipelines) {
        return new Pipelines(pipelines);
    }

    /**
     * Loads pipeline files; a file with errors is left out and its errors reported, the others
     * are used.
     */
    public static Report load(Collection<Path> files) {
        List<ProcessingPipeline> ok = new ArrayList<>();
        List<PipelineError> errors = new ArrayList<>();
        for (Path f : files) {
            PipelineLoad l = PipelineLoader.load(f);
            errors.addAll(l.errors());
            if (l.ok()) {
                ok.add(l.pipeline());
            }
        }
        return new Report(of(ok), errors);
    }

    /**
     * The shipped pipelines (network, Linux, Windows, and the products no other one names).
     *
     * @throws IllegalStateException when a shipped file is broken: a build defect, not input
     */
    public static Pipelines standard() {
        List<ProcessingPipeline> ok = new ArrayList<>();
        for (String r : STANDARD_RESOURCES) {
            PipelineLoad l = PipelineLoader.loadResource(r);
            if (!l.ok()) {
                throw new IllegalStateException("shipped pipeline is invalid: " + l.errors());
            }
            ok.add(l.pipeline());
        }
        return of(ok);
    }

    /** In the order they run. */
    public List<ProcessingPipeline> pipelines() {
        return pipelines;
    }

    @Override
    public LogSourceMapping resolve(LogSource logSource) {
        return cache.computeIfAbsent(normalise(logSource), this::compute);
    }

    private LogSourceMapping compute(LogSource lowerCased) {
        MappingBuilder b = new MappingBuilder(lowerCased);
        for (ProcessingPipeline p : pipelines) {
            for (ProcessingItem item : p.items()) {
                b.offer(p, item);
            }
        }
        return b.build();
    }

    static LogSource normalise(LogSource s) {
        if (s == null) {
            return new LogSource(null, null, null);
        }
        return new LogSource(LogSourceCondition.lower(s.category()), LogSourceCondition.lower(s.product()),
                LogSourceCondition.lower(s.service()));
    }

    /** The pipelines that loaded, and the errors of the files that did not. */
    public record Report(Pipelines pipelines, List<PipelineError> errors) {
        public Report {
            errors = List.copyOf(errors);
        }
    }
}
