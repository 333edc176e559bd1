package org.fenghuo.detection.sigma.pipeline;

import java.util.List;

/**
 * The outcome of loading one pipeline file: the pipeline, or null when any error was found (a
 * half-loaded pipeline would silently map some fields and not others), and every error found.
 */
public record PipelineLoad(ProcessingPipeline pipeline, List<PipelineError> errors) {

    public PipelineLoad {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return pipeline != null;
    }
}
