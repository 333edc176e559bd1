package org.fenghuo.detection.sigma.rule;

import java.util.List;
import org.fenghuo.detection.sigma.pipeline.LogSource;

/**
 * A Sigma global filter document ({@code filter:} with {@code rules}, a selection and a condition):
 * a match of any named rule that also matches this filter's detection is suppressed.
 *
 * @param rules ids or names of the rules it tunes
 */
public record SigmaFilter(String file, int line, String title, String id, LogSource logsource, List<String> rules,
        Detection detection) {
    public SigmaFilter {
        rules = List.copyOf(rules);
    }
}
