package org.fenghuo.detection.sigma.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test-only: the log source and the field names a Sigma rule's detection uses, read with Jackson.
 * Not a rule parser: modifiers, values and the condition are ignored.
 */
record SigmaRuleFields(Path file, LogSource logSource, Set<String> fields) {
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Every document of {@code file} that has a detection; a file that does not parse throws. */
    static List<SigmaRuleFields> read(Path file) throws IOException {
        List<SigmaRuleFields> out = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                JsonNode detection = doc == null ? null : doc.get("detection");
                if (detection == null || !detection.isObject()) {
                    continue;
                }
                JsonNode ls = doc.path("logsource");
                Set<String> fields = new TreeSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = detection.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getKey().equals("condition") && !e.getKey().equals("timeframe")) {
                        collect(e.getValue(), fields);
                    }
                }
                out.add(new SigmaRuleFields(file, new LogSource(text(ls, "category"), text(ls, "product"),
                        text(ls, "service")), fields));
            }
        }
        return out;
    }

    private static void collect(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(k -> {
                String field = k.contains("|") ? k.substring(0, k.indexOf('|')) : k;
                if (!field.isEmpty()) { // "|all" and friends: keywords, no field
                    fields.add(field);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, fields));
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
