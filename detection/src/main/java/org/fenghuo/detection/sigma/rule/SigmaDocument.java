package org.fenghuo.detection.sigma.rule;

/** What one YAML document of a rule pack is. */
public sealed interface SigmaDocument {

    /** A detection rule. */
    record Rule(SigmaRule rule) implements SigmaDocument {
    }

    /** A global filter. */
    record Filter(SigmaFilter filter) implements SigmaDocument {
    }

    /**
     * A correlation rule (top-level {@code correlation:}): not ours to parse; handed back untouched
     * for the correlation package.
     */
    record Correlation(String file, int line, YamlNode.MapNode document) implements SigmaDocument {
        public String location() {
            return file + ":" + line;
        }
    }
}
