package org.fenghuo.detection.sigma.pipeline;

/**
 * The contract between the Sigma rule engine and the processing pipelines (pySigma's model: ordered
 * pipelines declared in YAML turn a rule's log source into conditions on ECS events and its field
 * names into ECS names). The rule engine never renames a field itself; it asks this.
 */
public interface PipelineResolver {

    /** How rules of {@code logSource} read on ECS events; never null. */
    LogSourceMapping resolve(LogSource logSource);

    /** No pipeline: field names as written, no log-source conditions (for tests and raw ECS rules). */
    PipelineResolver IDENTITY = logSource -> LogSourceMapping.IDENTITY;
}
