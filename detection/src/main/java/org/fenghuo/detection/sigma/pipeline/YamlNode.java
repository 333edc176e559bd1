package org.fenghuo.detection.sigma.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so that validation can name the line of a bad value
 * (Jackson's tree model drops locations).
 *
 * @param value a {@code Map<String, YamlNode>} (key order kept), a {@code List<YamlNode>}, a
 *              {@code String}, {@code Number}, {@code Boolean}, or null
 * @param line  1-based
 */
record YamlNode(Object value, int line) {

    boolean isMap() {
        return value instanceof Map;
    }

    boolean isList() {
        return value instanceof List;
    }

    /** A scalar as text (numbers and booleans too); null for null, maps and lists. */
    String text() {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                ? String.valueOf(value) : null;
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return (Map<String, YamlNode>) value;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        return (List<YamlNode>) value;
    }

    static String kind(YamlNode node) {
        if (node == null || node.value == null) {
            return "nothing";
        }
        return node.isMap() ? "a mapping" : node.isList() ? "a list" : "a scalar";
    }
}
