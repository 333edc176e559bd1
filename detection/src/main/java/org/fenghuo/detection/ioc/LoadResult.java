package org.fenghuo.detection.ioc;

import java.util.List;

/** The indicators a loader produced and its report. */
public record LoadResult(List<Indicator> indicators, LoadReport report) {
    public LoadResult {
        indicators = List.copyOf(indicators);
    }
}
