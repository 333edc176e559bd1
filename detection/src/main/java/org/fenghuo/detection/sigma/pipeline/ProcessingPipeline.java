package org.fenghuo.detection.sigma.pipeline;

import java.util.List;

/**
 * A loaded pipeline: items in file order. Pipelines run by ascending {@code priority} (pySigma's
 * convention: 10 for log-source pipelines, 20 for field mappings, 50 for backends).
 *
 * @param source the file or resource it came from (for reports)
 */
public record ProcessingPipeline(String name, int priority, String source, List<ProcessingItem> items) {

    public ProcessingPipeline {
        items = List.copyOf(items);
    }
}
