package org.fenghuo.detection.sigma.pipeline;

/**
 * Why a pipeline file (or part of it) was rejected.
 *
 * @param file   the path or resource name as given to the loader
 * @param line   1-based line of the offending value; 0 when unknown
 * @param reason what is wrong, naming the key
 */
public record PipelineError(String file, int line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
