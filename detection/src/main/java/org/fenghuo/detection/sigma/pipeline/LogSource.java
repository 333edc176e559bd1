package org.fenghuo.detection.sigma.pipeline;

/**
 * A Sigma rule's {@code logsource}: any of the three may be null (absent). Names are compared
 * case-insensitively by the pipelines, as Sigma tools do.
 */
public record LogSource(String category, String product, String service) {
}
