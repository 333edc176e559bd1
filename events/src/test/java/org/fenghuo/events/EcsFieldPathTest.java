package org.fenghuo.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsFieldPathTest {
    private static final SecurityEvent FULL = TestEvents.full();

    static Set<String> modelled() {
        return EcsFieldPath.modelledFields();
    }

    @ParameterizedTest
    @MethodSource("modelled")
    void everyModelledFieldIsSetInTheFullEventAndWrittenAtItsDottedPath(String name) {
        Object value = EcsFieldPath.of(name).get(FULL);
        assertThat(value).as(name).isNotNull();
        assertThat(EcsFieldPath.isModelled(name)).isTrue();
        assertThat(EcsFieldPath.of(name).get(SecurityEvent.builder().build())).as(name).isNull();
        JsonNode json = TestEvents.tree(EcsJsonCodec.toJson(FULL));
        assertThat(at(json, name)).as("JSON has %s", name).isNotEmpty();
        // the getter reads the very value the writer puts at that name (not a sibling's)
        assertThat(texts(value)).as("%s as read and as written", name).isEqualTo(jsonTexts(at(json, name), value));
    }

    @Test
    void everyLeafTheWriterProducesIsAModelledField() {
        Set<String> leaves = new TreeSet<>();
        collectLeaves(TestEvents.tree(EcsJsonCodec.toJson(FULL)), "", leaves);
        leaves.removeIf(l -> l.startsWith("labels.") || l.startsWith("log.syslog.structured_data."));
        assertThat(leaves).isSubsetOf(EcsFieldPath.modelledFields());
        assertThat(EcsFieldPath.modelledFields()).contains("labels", "log.syslog.structured_data");
    }

    /** "In document order": the order the writer puts the fields in, which the index template check relies on. */
    @Test
    void modelledFieldsComeInTheOrderTheWriterWritesThem() {
        Set<String> written = new java.util.LinkedHashSet<>();
        collectLeaves(TestEvents.tree(EcsJsonCodec.toJson(FULL)), "", written);
        List<String> inWriterOrder = new ArrayList<>();
        for (String leaf : written) {
            String name = leaf.startsWith("labels.") ? "labels"
                    : leaf.startsWith("log.syslog.structured_data.") ? "log.syslog.structured_data" : leaf;
            if (!inWriterOrder.contains(name)) {
                inWriterOrder.add(name);
            }
        }
        assertThat(new ArrayList<>(EcsFieldPath.modelledFields())).isEqualTo(inWriterOrder);
    }

    @Test
    void valuesComeBackWithTheirJavaTypes() {
        assertThat(get("@timestamp")).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(get("source.ip")).isEqualTo("203.0.113.9");
        assertThat(get("source.port")).isEqualTo(52814);
        assertThat(get("source.bytes")).isEqualTo(3_000_000_000L);
        assertThat(get("tls.established")).isEqualTo(true);
        assertThat(get("fenghuo.ics.write")).isEqualTo(true);
        assertThat(get("event.category")).isEqualTo(List.of("authentication", "network"));
        assertThat(get("host.ip")).isEqualTo(List.of("10.0.0.1", "fe80::1"));
        assertThat(get("log.syslog.appname")).isEqualTo("sshd");
        assertThat(get("log.syslog.facility.code")).isEqualTo(4);
        assertThat(get("dns.answers.data")).isEqualTo(List.of("cdn.example.cn", "198.51.100.7"));
        assertThat(get("dns.answers.ttl")).isEqualTo(List.of(300L, 60L));
        assertThat(get("user_agent.original")).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(get("labels")).isEqualTo(Map.of("env", "prod", "city", "hangzhou"));
        assertThat(get("labels.city")).isEqualTo("hangzhou");
        assertThat(get("log.syslog.structured_data.origin.ip")).isEqualTo("10.0.0.5");
        assertThat(get("log.syslog.structured_data.meta@32473.sequenceId")).isEqualTo("17");
    }

    @Test
    void unmodelledNamesFallBackToExtraAndFlattenArrays() throws Exception {
        SecurityEvent e = EcsJsonCodec.fromJson(TestEvents.resource("unknown-fields.json"));
        assertThat(EcsFieldPath.isModelled("source.geo.country_iso_code")).isFalse();
        assertThat(EcsFieldPath.of("source.geo.country_iso_code").get(e)).isEqualTo("CN");
        assertThat(EcsFieldPath.of("event.reason").get(e)).isEqualTo("policy 7");
        assertThat(EcsFieldPath.of("cloud.region").get(e)).isEqualTo("cn-east-1");
        assertThat(EcsFieldPath.of("threat.indicator.ip").get(e)).isEqualTo(List.of("203.0.113.9", "198.51.100.1"));
        assertThat(EcsFieldPath.of("threat.indicator.type").get(e)).isEqualTo(List.of("ipv4-addr"));
        assertThat(EcsFieldPath.of("fenghuo.ics.register_values").get(e)).isEqualTo(List.of(1, 2, 3));
        assertThat(EcsFieldPath.of("log.syslog.structured_data.origin.x.nested").get(e)).isEqualTo(true);
        assertThat(EcsFieldPath.of("threat.feed").get(e)).isEqualTo(Map.of("name", "city-cert"));
    }

    @Test
    void absentFieldsAndUnknownNamesGiveNull() throws Exception {
        SecurityEvent e = EcsJsonCodec.fromJson(TestEvents.resource("unknown-fields.json"));
        assertThat(EcsFieldPath.of("destination.ip").get(e)).isNull();
        assertThat(EcsFieldPath.of("http.request.method").get(e)).isNull();
        assertThat(EcsFieldPath.of("no.such.field").get(e)).isNull();
        assertThat(EcsFieldPath.of("source.geo.country_iso_code.deeper").get(e)).isNull();
        assertThat(EcsFieldPath.of("labels.missing").get(e)).isNull();
        assertThat(EcsFieldPath.of("log.syslog.structured_data.nope.ip").get(e)).isNull();
        assertThat(EcsFieldPath.of("no.such.field").get(FULL)).isNull();
        assertThat(EcsFieldPath.isModelled("no.such.field")).isFalse();
        assertThat(EcsFieldPath.of("source").get(e)).isNull();
        assertThat(EcsFieldPath.of("dns.answers").get(e)).isNull();
        assertThat(EcsFieldPath.of("source.geo").get(e)).isInstanceOf(Map.class);
    }

    @Test
    void pathsAreValuesAndBadNamesAreRefused() {
        assertThat(EcsFieldPath.of("source.ip")).isEqualTo(EcsFieldPath.of("source.ip"))
                .hasSameHashCodeAs(EcsFieldPath.of("source.ip"))
                .isNotEqualTo(EcsFieldPath.of("destination.ip"));
        assertThat(EcsFieldPath.of("source.ip").name()).isEqualTo("source.ip");
        assertThatThrownBy(() -> EcsFieldPath.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcsFieldPath.of("source..ip")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcsFieldPath.modelledFields().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void modelledFieldsIncludeTheBriefsEcsNames() {
        assertThat(EcsFieldPath.modelledFields()).contains("@timestamp", "event.original", "dns.question.name",
                "dns.answers.class", "http.request.method", "http.response.status_code", "url.original",
                "log.file.path", "log.offset", "network.iana_number", "network.community_id", "network.vlan.id",
                "dns.op_code", "dns.response_code", "dns.header_flags", "dns.resolved_ip", "tls.client.ja4",
                "fenghuo.ics.unit_id", "log.syslog.priority", "user_agent.original");
        assertThat(EcsFieldPath.modelledFields()).hasSize(120).first().isEqualTo("@timestamp");
    }

    private static Object get(String name) {
        return EcsFieldPath.of(name).get(FULL);
    }

    /** A read value as text: a list's elements, a map's keys (sorted), else the value itself. */
    private static List<String> texts(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> out.add(String.valueOf(k)));
            Collections.sort(out);
        } else {
            out.add(String.valueOf(value));
        }
        return out;
    }

    /** {@link #texts} of the written JSON; a timestamp is parsed back, as the writer's form may differ. */
    private static List<String> jsonTexts(List<JsonNode> nodes, Object read) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                node.forEach(n -> out.add(n.asText()));
            } else if (node.isObject()) {
                node.fieldNames().forEachRemaining(out::add);
                Collections.sort(out);
            } else {
                out.add(read instanceof Instant ? Instant.parse(node.asText()).toString() : node.asText());
            }
        }
        return out;
    }

    /** Every JSON value at a dotted path, looking through arrays. */
    private static List<JsonNode> at(JsonNode node, String dotted) {
        List<JsonNode> out = new ArrayList<>();
        collect(node, dotted.split("\\."), 0, out);
        return out;
    }

    private static void collect(JsonNode node, String[] segments, int i, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray() && i < segments.length) {
            node.forEach(n -> collect(n, segments, i, out));
        } else if (i == segments.length) {
            out.add(node);
        } else {
            collect(node.get(segments[i]), segments, i + 1, out);
        }
    }

    private static void collectLeaves(JsonNode node, String path, Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collectLeaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            node.forEach(n -> collectLeaves(n, path, out));
        } else {
            out.add(path);
        }
    }
}
