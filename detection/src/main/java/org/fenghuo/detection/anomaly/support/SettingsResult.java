package org.fenghuo.detection.anomaly.support;

import java.util.List;

/**
 * Detector settings read from YAML: the value to run with (defaults where a key was missing or
 * wrong) and the problems found, each naming the key, the value and what was expected.
 *
 * @param value    always usable: a bad key keeps its default, so a typo never disables a detector
 * @param problems empty when the file was clean
 */
public record SettingsResult<T>(T value, List<String> problems) {
    public SettingsResult {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
