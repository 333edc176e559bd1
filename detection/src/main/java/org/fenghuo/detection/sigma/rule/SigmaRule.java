package org.fenghuo.detection.sigma.rule;

import java.util.List;
import org.fenghuo.detection.sigma.pipeline.LogSource;

/**
 * A parsed Sigma detection rule (specification v2.1), immutable. Optional attributes are null
 * (or empty lists) when the rule does not give them.
 *
 * @param file      where it was read from (for reports), e.g. {@code rules/linux/x.yml}
 * @param line      line of the document's first key
 * @param id        {@code id}; null when the rule has none (the loader then uses the title)
 * @param date      {@code date} as written (YYYY-MM-DD)
 * @param modified  {@code modified} as written
 * @param level     {@code level} as written, lower case; null when absent
 */
public record SigmaRule(String file, int line, String title, String id, String name, String status,
        String description, String level, String date, String modified, List<String> tags, LogSource logsource,
        List<String> fields, List<String> falsepositives, Detection detection) {
    public SigmaRule {
        tags = List.copyOf(tags);
        fields = List.copyOf(fields);
        falsepositives = List.copyOf(falsepositives);
    }

    /** {@code id}, else {@code name}, else the title: what alerts and filters refer to the rule by. */
    public String key() {
        return id != null ? id : name != null ? name : title;
    }

    /** {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
