package org.fenghuo.detection.sigma.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one YAML document into {@link YamlNode}s that keep their lines. */
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** A pipeline is hand-written configuration; deeper nesting is a mistake, not a need. */
    private static final int MAX_DEPTH = 32;

    private YamlTreeReader() {
    }

    /** The document, or a syntax error naming its line; {@code errors} receives duplicate keys. */
    static YamlNode read(Reader in, String file, List<PipelineError> errors) {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                errors.add(new PipelineError(file, 1, "empty document"));
                return null;
            }
            return value(p, file, errors, 0);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            errors.add(new PipelineError(file, at == null ? 0 : Math.max(1, at.getLineNr()),
                    "YAML syntax: " + e.getOriginalMessage()));
            return null;
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, aliases) as unchecked exceptions.
            errors.add(new PipelineError(file, 0, "cannot read YAML: " + e.getMessage()));
            return null;
        }
    }

    private static YamlNode value(JsonParser p, String file, List<PipelineError> errors, int depth)
            throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new JsonParseException(p, "nesting deeper than " + MAX_DEPTH);
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    YamlNode v = value(p, file, errors, depth + 1);
                    if (map.putIfAbsent(key, v) != null) {
                        errors.add(new PipelineError(file, keyLine, "duplicate key '" + key + "'"));
                    }
                }
                return new YamlNode(map, line);
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p, file, errors, depth + 1));
                }
                return new YamlNode(list, line);
            }
            case VALUE_STRING -> {
                return new YamlNode(p.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode(p.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode(p.getBooleanValue(), line);
            }
            default -> {
                return new YamlNode(null, line);
            }
        }
    }
}
