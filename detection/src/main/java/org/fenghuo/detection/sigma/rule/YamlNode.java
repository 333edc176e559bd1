package org.fenghuo.detection.sigma.rule;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on: Jackson's tree model drops locations, and every
 * rejection must name the line of the offending rule part.
 */
public sealed interface YamlNode {

    /** 1-based line of the node's first token. */
    int line();

    /** A mapping in document order; {@code keyLines} holds the line of each key. */
    record MapNode(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(entries);
            keyLines = java.util.Collections.unmodifiableMap(keyLines);
        }

        public YamlNode get(String key) {
            return entries.get(key);
        }

        public int lineOf(String key) {
            Integer l = keyLines.get(key);
            return l == null ? line : l;
        }
    }

    /** A sequence. */
    record ListNode(List<YamlNode> items, int line) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar: {@code value} is a String, Long, Double, Boolean or null (YAML {@code null}/{@code ~}/empty);
     * {@code text} is the scalar as written (null for YAML null).
     */
    record Scalar(Object value, String text, int line) implements YamlNode {
    }
}
