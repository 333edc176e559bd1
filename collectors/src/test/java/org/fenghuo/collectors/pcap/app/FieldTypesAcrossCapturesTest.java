package org.fenghuo.collectors.pcap.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fenghuo.testdata.SharedData;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.EcsJsonCodec;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch maps a field once, with one type: a field that is a number in one event and a
 * boolean or a string in another would make the store refuse documents. Every field every
 * protocol writes, over every real capture, must keep one JSON type.
 */
class FieldTypesAcrossCapturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFieldKeepsOneJsonTypeAndNoAnalyzerThrowsOverAllCaptures() throws Exception {
        Path captures = SharedData.require("captures");
        Map<String, Set<String>> types = new TreeMap<>();
        int files = 0;
        java.util.List<String> analyzerFailures = new java.util.ArrayList<>();
        for (String set : new String[] {"suricata-verify", "ics"}) {
            for (Path file : SharedData.files(captures.resolve(set), ".pcap", ".pcapng", ".cap")) {
                files++;
                try (InputStream in = Files.newInputStream(file)) {
                    new PcapFileDecoder(FlowTableConfig.defaults(), StandardProtocols.all(),
                            e -> collect(tree(EcsJsonCodec.toJson(e)), "", types), l -> {
                                if (l.reason().contains("analyzer failure") || l.reason().contains("app layer failure")) {
                                    analyzerFailures.add(file + ": " + l.reason());
                                }
                            })
                            .decode(file, in);
                }
            }
        }
        System.out.printf("%d captures, %d distinct fields%n", files, types.size());
        assertThat(files).isPositive();
        assertThat(analyzerFailures).as("protocol analyzers that threw").isEmpty();
        assertThat(types).as("fields written with more than one JSON type")
                .allSatisfy((field, seen) -> assertThat(seen).as(field).hasSize(1));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, String path, Map<String, Set<String>> types) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), types));
        } else if (node.isArray()) {
            node.forEach(v -> collect(v, path, types));
        } else if (!node.isNull()) {
            String type = node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "string";
            types.computeIfAbsent(path, k -> new TreeSet<>()).add(type);
        }
    }
}
