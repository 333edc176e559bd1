package org.fenghuo.correlation.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fenghuo.crypto.pii.BlindIndex;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
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

    /**
     * Protection writes strings (sealed values, masks, tokens in text) into every field the shipped
     * personal-data policy names, so none of them, nor anything below one, may be mapped as a
     * number, date, ip or boolean: Elasticsearch would refuse every protected document. Typed
     * fields of the event model below a rule's object ({@code url.port}) are exempt: the protector
     * only rewrites text values, and a policy naming a typed field is refused.
     */
    @Test
    void everyFieldOfTheShippedPiiPolicyTakesStrings() throws IOException {
        JsonNode properties = template(IndexTemplates.Template.EVENTS).at("/template/mappings/properties");
        PiiPolicy policy = PiiPolicy.defaults();
        List<String> paths = new java.util.ArrayList<>();
        policy.fields().forEach(f -> paths.add(f.path()));
        policy.scans().forEach(r -> paths.add(r.path()));
        assertThat(paths).contains("user.id", "fenghuo.person.id_number", "message");
        for (String path : paths) {
            Set<String> conflicts = nonStringTypesAtOrBelow(properties, path);
            conflicts.removeIf(c -> EcsFieldPath.modelledFields().contains(c.substring(0, c.indexOf(':'))) && !c.startsWith(path + ":"));
            assertThat(conflicts).as("non-string mappings at or below " + path).isEmpty();
        }
        // the fields the policy names one by one are explicitly keyword, not left to dynamic mapping
        for (var rule : policy.fields()) {
            JsonNode mapping = at(properties, rule.path());
            if (mapping != null && !mapping.has("properties")) {
                assertThat(mapping.path("type").asText()).as(rule.path()).isEqualTo("keyword");
            }
        }
        assertThat(at(properties, "fenghuo.person.id_number").path("type").asText()).isEqualTo("keyword");
        assertThat(at(properties, "related.user").path("type").asText()).isEqualTo("keyword");
    }

    @Test
    void blindIndexTermsAreKeywordsAndPerFieldTermsOneFlattenedField() throws IOException {
        JsonNode properties = template(IndexTemplates.Template.EVENTS).at("/template/mappings/properties");
        assertThat(at(properties, BlindIndex.TERMS_FIELD).path("type").asText()).isEqualTo("keyword");
        assertThat(at(properties, BlindIndex.FIELD_PREFIX.substring(0, BlindIndex.FIELD_PREFIX.length() - 1))
                .path("type").asText()).isEqualTo("flattened");
        // anything else below fenghuo.pii that protection might add is a string: keyword by the dynamic template
        assertThat(template(IndexTemplates.Template.EVENTS).at("/template/mappings/dynamic_templates/0/strings_as_keyword/mapping/type")
                .asText()).isEqualTo("keyword");
    }

    /** The mapping of a dotted path, or null when it is not explicitly mapped. */
    private static JsonNode at(JsonNode properties, String path) {
        JsonNode node = null;
        JsonNode level = properties;
        for (String part : path.split("\\.")) {
            if (level == null || !level.has(part)) {
                return null;
            }
            node = level.get(part);
            level = node.get("properties");
        }
        return node;
    }

    private static Set<String> nonStringTypesAtOrBelow(JsonNode properties, String path) {
        Set<String> found = new TreeSet<>();
        JsonNode level = properties;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (level == null || !level.has(parts[i])) {
                return found; // not mapped: a string arrives dynamically as keyword
            }
            JsonNode node = level.get(parts[i]);
            if (i < parts.length - 1 && node.has("type") && !"object".equals(node.path("type").asText())) {
                found.add(path + ": under a " + node.path("type").asText()); // a leaf where the policy sees an object
                return found;
            }
            level = node.get("properties");
            if (i == parts.length - 1) {
                collectNonString(path, node, found);
            }
        }
        return found;
    }

    private static void collectNonString(String name, JsonNode mapping, Set<String> into) {
        String type = mapping.path("type").asText("object");
        if (!Set.of("keyword", "text", "match_only_text", "wildcard", "flattened", "object").contains(type)) {
            into.add(name + ": " + type);
        }
        if (mapping.has("properties")) {
            mapping.get("properties").fields().forEachRemaining(f -> collectNonString(name + "." + f.getKey(), f.getValue(), into));
        }
    }

    @Test
    void templatesTargetTheirIndexPatterns() throws IOException {
        assertThat(template(IndexTemplates.Template.EVENTS).at("/index_patterns/0").asText()).isEqualTo("fenghuo-events-*");
        assertThat(template(IndexTemplates.Template.DEAD_LETTERS).at("/index_patterns/0").asText())
                .isEqualTo("fenghuo-deadletter-*");
    }
}
