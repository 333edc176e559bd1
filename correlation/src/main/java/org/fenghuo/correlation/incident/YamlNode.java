package org.fenghuo.correlation.incident;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers its line, so a configuration error can say {@code file:line}.
 * Exactly one of {@code map}, {@code list}, {@code scalar} is set; all are null for a YAML null.
 */
record YamlNode(Map<String, YamlNode> map, List<YamlNode> list, String scalar, int line) {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final int MAX_DEPTH = 16;

    boolean isNull() {
        return map == null && list == null && scalar == null;
    }

    /** What the node is, for "expected a mapping, got a list". */
    String kind() {
        return map != null ? "a mapping" : list != null ? "a list" : scalar != null ? "'" + scalar + "'" : "nothing";
    }

    /**
     * Parses one document; a syntax error or a duplicate key goes to {@code problems} as
     * {@code source:line: ...}. An empty document gives null.
     */
    static YamlNode parse(String text, String source, List<String> problems) {
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() == null) {
                return null;
            }
            return read(p, source, problems, 0);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(source + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
            return null;
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some malformed input as unchecked exceptions
            problems.add(source + ": cannot read YAML: " + e.getMessage());
            return null;
        }
    }

    private static YamlNode read(JsonParser p, String source, List<String> problems, int depth) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new IOException("nesting deeper than " + MAX_DEPTH + " at line " + line);
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                YamlNode value = read(p, source, problems, depth + 1);
                if (map.putIfAbsent(key, value) != null) {
                    problems.add(source + ":" + keyLine + ": " + key + " appears twice: expected each key once");
                }
            }
            return new YamlNode(map, null, null, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(p, source, problems, depth + 1));
            }
            return new YamlNode(null, list, null, line);
        }
        return new YamlNode(null, null, t == JsonToken.VALUE_NULL ? null : p.getText(), line);
    }
}
