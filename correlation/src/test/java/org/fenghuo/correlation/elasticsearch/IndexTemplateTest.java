package org.fenghuo.correlation.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fenghuo.events.EcsFieldPath;
import org.junit.jupiter.api.Test;

/** The events template must give every field the model knows an explicit ECS type. */
class IndexTemplateTest {

    private static JsonNode template(IndexTemplates.Template which) throws IOException {
        try (InputStream in = which.open()) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void collect(String prefix, JsonNode properties, Set<String> into) {
        properties.fields().forEachRemaining(field -> {
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode mapping = field.getValue();
            if (mapping.has("properties")) {
                collect(name, mapping.get("properties"), into);
            }
            if (mapping.has("type") || !mapping.has("properties")) {
                into.add(name);
            }
        });
    }

    @Test
    void everyModelledFieldIsMapped() throws IOException {
        Set<String> mapped = new TreeSet<>();
        collect("", template(IndexTemplates.Template.EVENTS).at("/template/mappings/properties"), mapped);
        Set<String> missing = new TreeSet<>(EcsFieldPath.modelledFields());
        missing.removeIf(field -> mapped.contains(field) || coveredByObject(field, mapped));
        assertThat(missing).as("modelled ECS fields without a mapping in fenghuo-events-template.json").isEmpty();
    }

    /** Fields under an object mapped as a whole (labels, structured data) are covered by it. */
    private static boolean coveredByObject(String field, Set<String> mapped) {
        for (String m : mapped) {
            if (field.startsWith(m + ".")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void addressesAreIpAndTimesAreDates() throws IOException {
        JsonNode properties = template(IndexTemplates.Template.EVENTS).at("/template/mappings/properties");
        assertThat(properties.at("/source/properties/ip/type").asText()).isEqualTo("ip");
        assertThat(properties.at("/destination/properties/ip/type").asText()).isEqualTo("ip");
        assertThat(properties.at("/@timestamp/type").asText()).isEqualTo("date");
        assertThat(properties.at("/event/properties/original/index").asBoolean(true)).isFalse();
    }

    @Test
    void templatesTargetTheirIndexPatterns() throws IOException {
        assertThat(template(IndexTemplates.Template.EVENTS).at("/index_patterns/0").asText()).isEqualTo("fenghuo-events-*");
        assertThat(template(IndexTemplates.Template.DEAD_LETTERS).at("/index_patterns/0").asText())
                .isEqualTo("fenghuo-deadletter-*");
    }
}
