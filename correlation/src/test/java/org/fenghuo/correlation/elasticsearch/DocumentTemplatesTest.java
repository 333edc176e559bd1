package org.fenghuo.correlation.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fenghuo.correlation.TestAlerts;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.WarningLevel;
import org.junit.jupiter.api.Test;

/**
 * Every field the alert, incident and late-event documents carry has an explicit mapping in its
 * template, found by walking real documents with every field set (a field added to AlertJson or
 * IncidentJson without a mapping fails here).
 */
class DocumentTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode properties(IndexTemplates.Template which) throws IOException {
        try (InputStream in = which.open()) {
            return JSON.readTree(in).at("/template/mappings/properties");
        }
    }

    /** Dotted paths of the leaves of a document (arrays count as their elements' path). */
    private static Set<String> leaves(String prefix, JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> leaves(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
                    f.getValue(), into));
        } else if (node.isArray() && node.size() > 0) {
            leaves(prefix, node.get(0), into);
        } else {
            into.add(prefix);
        }
        return into;
    }

    /** The mapping type at a dotted path, or null when not explicitly mapped. */
    private static String typeAt(JsonNode properties, String path) {
        JsonNode level = properties;
        JsonNode node = null;
        for (String part : path.split("\\.")) {
            if (level == null || !level.has(part)) {
                return null;
            }
            node = level.get(part);
            level = node.get("properties");
        }
        return node.path("type").asText(null);
    }

    private static Set<String> unmapped(JsonNode document, JsonNode properties) {
        Set<String> missing = new TreeSet<>();
        for (String leaf : leaves("", document, new TreeSet<>())) {
            if (typeAt(properties, leaf) == null) {
                missing.add(leaf);
            }
        }
        return missing;
    }

    @Test
    void everyAlertFieldIsMapped() throws IOException {
        IndexDocument doc = new AlertDocuments().toDocument(TestAlerts.bruteForce("a-1", Instant.now(), "203.0.113.9"));
        JsonNode json = JSON.readTree(doc.json());
        assertThat(leaves("", json, new TreeSet<>())).hasSizeGreaterThan(20);
        JsonNode properties = properties(IndexTemplates.Template.ALERTS);
        assertThat(unmapped(json, properties)).as("alert fields without a mapping in fenghuo-alerts-template.json").isEmpty();
        assertThat(typeAt(properties, "related.ip")).isEqualTo("ip");
        assertThat(typeAt(properties, "fenghuo.entities.source_ip")).isEqualTo("ip");
        assertThat(typeAt(properties, "event.risk_score")).isEqualTo("float");
        assertThat(typeAt(properties, "threat.tactic.id")).isEqualTo("keyword");
        assertThat(typeAt(properties, "@timestamp")).isEqualTo("date");
    }

    @Test
    void everyIncidentFieldIsMapped() throws IOException {
        Instant now = Instant.now();
        IndexDocument doc = new IncidentDocuments().toDocument(TestAlerts.incident("i-1", now, now.plusSeconds(60),
                List.of("a1", "a2"), "203.0.113.9", WarningLevel.ORANGE));
        JsonNode json = JSON.readTree(doc.json());
        assertThat(json.at("/fenghuo/incident/level").asText()).isEqualTo("II");
        JsonNode properties = properties(IndexTemplates.Template.INCIDENTS);
        assertThat(unmapped(json, properties)).as("incident fields without a mapping in fenghuo-incidents-template.json")
                .isEmpty();
        assertThat(typeAt(properties, "fenghuo.incident.updated")).isEqualTo("date");
        assertThat(typeAt(properties, "fenghuo.incident.alert_count")).isEqualTo("long");
        assertThat(typeAt(properties, "fenghuo.incident.warning_level")).isEqualTo("keyword");
        assertThat(typeAt(properties, "related.ip")).isEqualTo("ip");
    }

    @Test
    void theLateTemplateIsTheEventsTemplatePlusTheLateFields() throws IOException {
        JsonNode late = properties(IndexTemplates.Template.LATE);
        JsonNode events = properties(IndexTemplates.Template.EVENTS);
        for (String field : EcsFieldPath.modelledFields()) {
            assertThat(typeAt(late, field)).as(field).isEqualTo(typeAt(events, field));
        }
        assertThat(typeAt(late, "source.ip")).isEqualTo("ip");
        assertThat(typeAt(late, "fenghuo.pii.blind")).isEqualTo("flattened");

        IndexDocument doc = new LateEventDocuments().toDocument(
                TestEvents.sshFailure("late-1", Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.9"),
                Instant.parse("2026-11-23T10:05:00Z").toEpochMilli());
        JsonNode json = JSON.readTree(doc.json());
        assertThat(unmapped(json, late)).as("late-event fields without a mapping").isEmpty();
        assertThat(typeAt(late, "fenghuo.late.watermark")).isEqualTo("date");
        assertThat(typeAt(late, "fenghuo.late.lag_ms")).isEqualTo("long");

        try (InputStream in = IndexTemplates.Template.LATE.open()) {
            JsonNode template = JSON.readTree(in);
            assertThat(template.at("/index_patterns").toString()).isEqualTo("[\"fenghuo-late-*\"]");
            assertThat(template.at("/template/settings/index/number_of_shards").asInt()).isEqualTo(1);
        }
    }

    @Test
    void eachTemplateTargetsItsIndices() throws IOException {
        for (var t : List.of(IndexTemplates.Template.ALERTS, IndexTemplates.Template.INCIDENTS, IndexTemplates.Template.LATE)) {
            try (InputStream in = t.open()) {
                assertThat(JSON.readTree(in).at("/index_patterns/0").asText()).isEqualTo(t.templateName() + "-*");
            }
        }
    }

    @Test
    void theLateDocumentIsTheEventWithWhyItCameLate() throws IOException {
        var event = TestEvents.sshFailure("late-1", Instant.parse("2026-11-23T10:00:00Z"), "10.0.0.9");
        IndexDocument doc = new LateEventDocuments().toDocument(event, Instant.parse("2026-11-23T10:05:00Z").toEpochMilli());
        JsonNode json = JSON.readTree(doc.json());
        assertThat(doc.id()).isEqualTo("late-1");
        assertThat(json.at("/source/ip").asText()).isEqualTo("10.0.0.9");
        assertThat(json.at("/fenghuo/late/reason").asText()).isEqualTo(LateEventDocuments.BEYOND_ALLOWED_LATENESS);
        assertThat(Instant.parse(json.at("/fenghuo/late/watermark").asText())).isEqualTo("2026-11-23T10:05:00Z");
        assertThat(json.at("/fenghuo/late/lag_ms").asLong()).isEqualTo(300_000);
        // before the first watermark there is nothing to say but the reason
        JsonNode early = JSON.readTree(new String(new LateEventDocuments().toDocument(event).json(), StandardCharsets.UTF_8));
        assertThat(early.at("/fenghuo/late/watermark").isMissingNode()).isTrue();
        assertThat(early.at("/fenghuo/late/reason").isMissingNode()).isFalse();
    }
}
