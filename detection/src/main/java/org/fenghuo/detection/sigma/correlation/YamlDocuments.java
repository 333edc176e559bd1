package org.fenghuo.detection.sigma.correlation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a multi-document YAML text into trees that remember the line of every key, because a
 * {@link JsonNode} forgets where it came from and a rejection must name the line. Duplicate keys are
 * recorded instead of silently keeping the last one.
 */
final class YamlDocuments {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One document.
     *
     * @param root       its tree (null for an empty document)
     * @param line       line of its first token
     * @param lines      dotted path ({@code correlation.rules[1]}) -> line
     * @param duplicates paths of keys given twice
     */
    record Document(JsonNode root, int line, Map<String, Integer> lines, List<String> duplicates) {
        /** The line of {@code path}, else of its nearest ancestor, else of the document. */
        int lineOf(String path) {
            for (String p = path; !p.isEmpty(); p = parent(p)) {
                Integer l = lines.get(p);
                if (l != null) {
                    return l;
                }
            }
            return line;
        }

        private static String parent(String path) {
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            return cut < 0 ? "" : path.substring(0, cut);
        }
    }

    /**
     * The documents read, and the syntax error that stopped the reading (null when none).
     *
     * @param errorLine line of the syntax error
     */
    record Result(List<Document> documents, String error, int errorLine) {
    }

    private YamlDocuments() {
    }

    static Result read(String text) {
        List<Document> docs = new ArrayList<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Map<String, Integer> lines = new HashMap<>();
                List<String> duplicates = new ArrayList<>();
                int line = line(p.currentTokenLocation());
                JsonNode root = t == JsonToken.VALUE_NULL ? null : value(p, "", lines, duplicates);
                docs.add(new Document(root, line, lines, duplicates));
            }
            return new Result(docs, null, 0);
        } catch (IOException | RuntimeException e) {
            // the YAML parser cannot resume after a syntax error: keep what was read before it
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? line(jpe.getLocation()) : 0;
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            return new Result(docs, "YAML syntax error: " + message, line);
        }
    }

    private static JsonNode value(JsonParser p, String path, Map<String, Integer> lines, List<String> duplicates)
            throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    lines.putIfAbsent(child, line(p.currentTokenLocation()));
                    p.nextToken();
                    JsonNode v = value(p, child, lines, duplicates);
                    if (o.has(key)) {
                        duplicates.add(child);
                    }
                    o.set(key, v);
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "[" + i++ + "]";
                    lines.put(child, line(p.currentTokenLocation()));
                    a.add(value(p, child, lines, duplicates));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> {
                return NODES.textNode(p.getText());
            }
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
