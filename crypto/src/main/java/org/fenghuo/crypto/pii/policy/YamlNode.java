package org.fenghuo.crypto.pii.policy;

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
 * A YAML document as a small tree that remembers the line of every node, so a policy error can
 * say where it is; Jackson's own trees forget positions.
 */
sealed interface YamlNode {

    int line();

    /** A mapping; {@code keyLines} gives the line of each key. */
    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
    }

    /** A scalar as written; null for YAML null ({@code ~}, {@code null}, nothing). */
    record Scalar(int line, String text) implements YamlNode {
    }

    YAMLFactory FACTORY = new YAMLFactory();

    /**
     * @throws PiiPolicyException for a syntax error or a key given twice, with its line
     */
    static YamlNode parse(String yaml, String source) throws PiiPolicyException {
        try (JsonParser p = FACTORY.createParser(yaml)) {
            if (p.nextToken() == null) {
                return new Mapping(1, Map.of(), Map.of());
            }
            YamlNode root = read(p, source);
            if (p.nextToken() != null) {
                throw PiiPolicyException.at(source, line(p), "more than one YAML document; a policy is one");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw PiiPolicyException.at(source, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw PiiPolicyException.at(source, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser p, String source) throws IOException, PiiPolicyException {
        int line = line(p);
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = line(p);
                p.nextToken();
                YamlNode value = read(p, source);
                if (entries.containsKey(key)) {
                    throw PiiPolicyException.at(source, keyLine,
                            "'" + key + "' is given twice (first at line " + keyLines.get(key) + ")");
                }
                entries.put(key, value);
                keyLines.put(key, keyLine);
            }
            return new Mapping(line, entries, keyLines);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, source));
            }
            return new Sequence(line, items);
        }
        return new Scalar(line, t == JsonToken.VALUE_NULL ? null : p.getText());
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
