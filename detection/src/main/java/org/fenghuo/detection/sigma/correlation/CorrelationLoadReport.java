package org.fenghuo.detection.sigma.correlation;

import java.util.List;

/**
 * What {@link CorrelationLoader} made of its input.
 *
 * @param correlations valid correlations, in input order
 * @param rejected     invalid correlation documents and unreadable files, each with location and reason
 * @param skipped      documents that are not correlations (base Sigma rules, filters), reason "not a correlation"
 */
public record CorrelationLoadReport(List<SigmaCorrelation> correlations, List<CorrelationProblem> rejected,
        List<CorrelationProblem> skipped) {
    public CorrelationLoadReport {
        correlations = List.copyOf(correlations);
        rejected = List.copyOf(rejected);
        skipped = List.copyOf(skipped);
    }
}
