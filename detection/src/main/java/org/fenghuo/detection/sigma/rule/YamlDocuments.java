package org.fenghuo.detection.sigma.rule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the documents of a YAML file into {@link YamlNode} trees that keep line numbers. A syntax
 * error, a duplicate key or excessive nesting is a {@link RuleRejection} naming the line; documents
 * before it are still returned through {@link Result}.
 */
public final class YamlDocuments {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final int MAX_DEPTH = 64;

    private YamlDocuments() {
    }

    /** The documents read, and the error that stopped reading (null when the whole file was read). */
    public record Result(List<YamlNode> documents, RuleRejection error) {
        public Result {
            documents = List.copyOf(documents);
        }
    }

    public static Result read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            return new Result(List.of(), new RuleRejection(RejectReason.IO_ERROR, 0, String.valueOf(e.getMessage())));
        }
    }

    public static Result read(String text) {
        try {
            return read(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    private static Result read(Reader reader) throws IOException {
        List<YamlNode> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(reader)) {
            while (p.nextToken() != null) {
                docs.add(node(p, 0));
            }
            return new Result(docs, null);
        } catch (RuleRejection r) {
            return new Result(docs, r);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Result(docs, new RuleRejection(RejectReason.YAML_SYNTAX, line, e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // SnakeYAML signals some malformed input with unchecked exceptions; keep the file's other documents.
            return new Result(docs, new RuleRejection(RejectReason.YAML_SYNTAX, 0, e.toString()));
        }
    }

    private static YamlNode node(JsonParser p, int depth) throws IOException, RuleRejection {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new RuleRejection(RejectReason.YAML_SYNTAX, line, "nesting deeper than " + MAX_DEPTH);
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    YamlNode value = node(p, depth + 1);
                    if (entries.putIfAbsent(key, value) != null) {
                        throw new RuleRejection(RejectReason.YAML_SYNTAX, keyLine, "duplicate key \"" + key + "\"");
                    }
                    lines.put(key, keyLine);
                }
                return new YamlNode.MapNode(entries, lines, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, depth + 1));
                }
                return new YamlNode.ListNode(items, line);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(p.getText(), p.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                // Sigma compares values as text: 0x17 or 007 must not become 23 or 7.
                String text = p.getText();
                boolean decimal = text.matches("-?(0|[1-9][0-9]{0,17})");
                return new YamlNode.Scalar(decimal ? (Object) Long.parseLong(text) : text, text, line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getText(), p.getText(), line); // 1.10 stays "1.10"
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(t == JsonToken.VALUE_TRUE, p.getText(), line);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, null, line);
            }
            default -> throw new RuleRejection(RejectReason.YAML_SYNTAX, line, "unexpected " + t);
        }
    }
}
