package org.fenghuo.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcsJsonCodecTest {

    @Test
    void fullEventIsWrittenAsTheGoldenNestedEcsDocument() {
        String json = EcsJsonCodec.toJson(TestEvents.full());
        assertThat(TestEvents.tree(json)).isEqualTo(TestEvents.golden("full.json", json));
    }

    @Test
    void fullEventRoundTripsThroughBytesAndString() throws Exception {
        SecurityEvent full = TestEvents.full();
        assertThat(EcsJsonCodec.fromJson(EcsJsonCodec.toJsonBytes(full))).isEqualTo(full);
        assertThat(EcsJsonCodec.fromJson(EcsJsonCodec.toJson(full))).isEqualTo(full);
        assertThat(EcsJsonCodec.toJsonBytes(full)).isEqualTo(EcsJsonCodec.toJson(full).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goldenDocumentReadsAsTheFullEvent() throws Exception {
        assertThat(EcsJsonCodec.fromJson(TestEvents.resource("full.json"))).isEqualTo(TestEvents.full());
    }

    @Test
    void minimalEvents() throws Exception {
        SecurityEvent empty = SecurityEvent.builder().build();
        assertThat(EcsJsonCodec.toJson(empty)).isEqualTo("{}");
        assertThat(EcsJsonCodec.fromJson("{}")).isEqualTo(empty);

        SecurityEvent onlyTime = SecurityEvent.builder().timestamp(Instant.parse("2026-01-02T03:04:05Z")).build();
        assertThat(EcsJsonCodec.toJson(onlyTime)).isEqualTo("{\"@timestamp\":\"2026-01-02T03:04:05.000Z\"}");
        assertThat(EcsJsonCodec.fromJson(EcsJsonCodec.toJson(onlyTime))).isEqualTo(onlyTime);
    }

    @Test
    void nullFieldsEmptyListsAndEmptyComponentsAreLeftOut() throws Exception {
        SecurityEvent e = SecurityEvent.builder()
                .message("m")
                .tags(List.of())
                .source(new SecurityEvent.Endpoint(null, null, null, null, null, null, null))
                .log(new SecurityEvent.Log(null, null, null, null,
                        new SecurityEvent.Syslog(null, null, null, null, null, null, null, null, null, null, null)))
                .event(new SecurityEvent.EventInfo(null, null, List.of(), null, null, null, null, null, null, null,
                        null, null, null, null, null, null))
                .build();
        assertThat(EcsJsonCodec.toJson(e)).isEqualTo("{\"message\":\"m\"}");
        SecurityEvent read = EcsJsonCodec.fromJson("{\"message\":\"m\",\"source\":{},\"tags\":[],\"x\":null,"
                + "\"event\":{\"id\":null},\"log\":{\"syslog\":{}}}");
        assertThat(read).isEqualTo(SecurityEvent.builder().message("m").build());
    }

    @Test
    void unknownFieldsAtEveryLevelSurviveReadWriteRead() throws Exception {
        String input = TestEvents.resource("unknown-fields.json");
        SecurityEvent first = EcsJsonCodec.fromJson(input);
        String written = EcsJsonCodec.toJson(first);
        SecurityEvent second = EcsJsonCodec.fromJson(written);

        assertThat(second).isEqualTo(first);
        assertThat(TestEvents.tree(written)).isEqualTo(TestEvents.tree(input));
    }

    @Test
    @SuppressWarnings("unchecked")
    void unknownFieldsAreKeptInExtraAtTheirPlaceAndKnownOnesAreModelled() throws Exception {
        SecurityEvent e = EcsJsonCodec.fromJson(TestEvents.resource("unknown-fields.json"));

        assertThat(e.source().ip()).isEqualTo("203.0.113.9");
        assertThat(e.destination()).isNull();
        assertThat(e.event().id()).isEqualTo("ev-2");
        assertThat(e.labels()).containsExactly(Map.entry("env", "prod"));
        assertThat(e.log().syslog().facilityCode()).isEqualTo(4);
        assertThat(e.log().syslog().structuredData()).containsOnlyKeys("origin", "weird");
        assertThat(e.log().syslog().structuredData().get("origin")).containsExactly(Map.entry("ip", "10.0.0.5"));
        assertThat(e.dns().answers()).extracting(SecurityEvent.DnsAnswer::data).containsExactly("1.2.3.4", "5.6.7.8");
        assertThat(e.fenghuo().ics().unitId()).isEqualTo("3");
        assertThat(e.userAgent()).isEqualTo("curl/8.0");

        Map<String, Object> x = e.extra();
        assertThat(x).containsOnlyKeys("labels", "event", "source", "destination", "log", "dns", "tls", "fenghuo",
                "user_agent", "threat", "cloud", "big", "ratio", "flag", "list");
        assertThat((Map<String, Object>) x.get("event")).containsOnlyKeys("reason", "risk_score");
        assertThat(EcsFieldPath.of("source.geo.city_name").get(e)).isEqualTo("杭州");
        assertThat(EcsFieldPath.of("source.geo.location.lat").get(e)).isEqualTo(30.25);
        assertThat(EcsFieldPath.of("destination.geo.country_iso_code").get(e)).isEqualTo("US");
        assertThat(EcsFieldPath.of("log.syslog.facility.custom").get(e)).isEqualTo("x");
        assertThat(EcsFieldPath.of("dns.answers.geo.country_iso_code").get(e)).isEqualTo(List.of("JP"));
        assertThat((List<Object>) ((Map<String, Object>) x.get("dns")).get("answers")).hasSize(2);
        assertThat(EcsFieldPath.of("labels.team.name").get(e)).isEqualTo("soc");
        assertThat(x.get("big")).isEqualTo(new java.math.BigInteger("12345678901234567890"));
        assertThat((List<Object>) x.get("list")).containsExactly(null, "x", Map.of("k", "v"), List.of(1, 2));
    }

    @Test
    void dottedKeysAreMergedWithNestedObjectsAtAnyLevel() throws Exception {
        SecurityEvent dotted = EcsJsonCodec.fromJson(TestEvents.resource("dotted.json"));
        SecurityEvent nested = EcsJsonCodec.fromJson(TestEvents.resource("nested.json"));

        assertThat(dotted).isEqualTo(nested);
        assertThat(dotted.source().port()).isEqualTo(52814);
        assertThat(dotted.log().syslog().facilityCode()).isEqualTo(4);
        assertThat(EcsFieldPath.of("source.geo.country_iso_code").get(dotted)).isEqualTo("CN");
        assertThat(TestEvents.tree(EcsJsonCodec.toJson(dotted))).isEqualTo(TestEvents.tree(TestEvents.resource("nested.json")));
    }

    @Test
    void aRepeatedObjectOrANestedThenDottedNameMergesIntoOneObject() throws Exception {
        SecurityEvent repeated = EcsJsonCodec.fromJson(
                "{\"source\":{\"ip\":\"1.1.1.1\"},\"source\":{\"port\":22,\"geo\":{\"city_name\":\"x\"}}}");
        SecurityEvent nestedThenDotted = EcsJsonCodec.fromJson(
                "{\"source\":{\"ip\":\"1.1.1.1\"},\"source.port\":22,\"source.geo.city_name\":\"x\"}");
        assertThat(repeated.source().ip()).isEqualTo("1.1.1.1");
        assertThat(repeated.source().port()).isEqualTo(22);
        assertThat(EcsFieldPath.of("source.geo.city_name").get(repeated)).isEqualTo("x");
        assertThat(nestedThenDotted).isEqualTo(repeated);
        assertThatThrownBy(() -> EcsJsonCodec.fromJson("{\"source\":{\"ip\":\"1.1.1.1\"},\"source\":{\"ip\":\"2.2.2.2\"}}"))
                .isInstanceOf(EcsJsonException.class).hasMessageStartingWith("source.ip: two values");
    }

    @Test
    void twoValuesForOneFieldAreRefusedNamingIt() {
        assertThatThrownBy(() -> EcsJsonCodec.fromJson("{\"source.ip\":\"1.1.1.1\",\"source\":{\"ip\":\"2.2.2.2\"}}"))
                .isInstanceOf(EcsJsonException.class)
                .hasMessageStartingWith("source.ip: two values")
                .extracting(t -> ((EcsJsonException) t).field()).isEqualTo("source.ip");
        assertThatThrownBy(() -> EcsJsonCodec.fromJson("{\"source\":\"x\",\"source.ip\":\"2.2.2.2\"}"))
                .isInstanceOf(EcsJsonException.class)
                .hasMessageStartingWith("source: two values");
        assertThatThrownBy(() -> EcsJsonCodec.fromJson("{\"a..b\":1}"))
                .isInstanceOf(EcsJsonException.class)
                .hasMessageStartingWith("a..b: empty segment");
        assertThatThrownBy(() -> EcsJsonCodec.fromJson("{\"message\":\"a\",\"message\":\"b\"}"))
                .isInstanceOf(EcsJsonException.class)
                .hasMessageStartingWith("message: two values");
    }

    @Test
    void timestampAcceptsIsoWithOffsetsEpochMillisAndDates() throws Exception {
        Instant expected = Instant.parse("2026-11-23T10:00:00.123Z");
        assertThat(ts("\"2026-11-23T10:00:00.123Z\"")).isEqualTo(expected);
        assertThat(ts("\"2026-11-23T18:00:00.123+08:00\"")).isEqualTo(expected);
        assertThat(ts("1795428000123")).isEqualTo(expected);
        assertThat(ts("\"1795428000123\"")).isEqualTo(expected);
        assertThat(ts("\"2026-11-23T10:00:00.123\"")).isEqualTo(expected);
        assertThat(ts("\"2026-11-23\"")).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(ts("[\"2026-11-23T10:00:00.123Z\"]")).isEqualTo(expected);
    }

    @Test
    void instantsAreWrittenWithMillisecondsOrFiner() {
        assertThat(written(Instant.parse("2026-11-23T10:00:00Z"))).isEqualTo("2026-11-23T10:00:00.000Z");
        assertThat(written(Instant.parse("2026-11-23T10:00:00.1Z"))).isEqualTo("2026-11-23T10:00:00.100Z");
        assertThat(written(Instant.parse("2026-11-23T10:00:00.123456Z"))).isEqualTo("2026-11-23T10:00:00.123456Z");
        assertThat(written(Instant.parse("2026-11-23T10:00:00.123456789Z"))).isEqualTo("2026-11-23T10:00:00.123456789Z");
        assertThat(written(Instant.parse("1969-12-31T23:59:59.999Z"))).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(written(Instant.parse("2026-11-23T10:00:00.12345Z"))).isEqualTo("2026-11-23T10:00:00.12345Z");
        assertThat(written(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isEqualTo("9999-12-31T23:59:59.999999999Z");
        assertThat(written(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00.000Z");
    }

    @Test
    void chineseTextIsWrittenAsUtf8NotEscaped() throws Exception {
        SecurityEvent e = SecurityEvent.builder().message("杭州市政务云 登录失败 🔥")
                .user(new SecurityEvent.User("张三", null, "城市大脑")).build();
        byte[] bytes = EcsJsonCodec.toJsonBytes(e);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("杭州市政务云 登录失败 🔥").doesNotContain("\\u");
        assertThat(EcsJsonCodec.fromJson(bytes)).isEqualTo(e);
        assertThat(EcsJsonCodec.fromJson(text)).isEqualTo(e);
    }

    @Test
    void keywordAndNumericFieldsTakeWhatElasticsearchCoerces() throws Exception {
        SecurityEvent e = EcsJsonCodec.fromJson("{\"source\":{\"port\":\"22\",\"bytes\":1.0e3},"
                + "\"network\":{\"iana_number\":6,\"vlan\":{\"id\":10}},\"tls\":{\"established\":\"true\"},"
                + "\"observer\":{\"ip\":[\"10.0.0.254\"]},\"host\":{\"ip\":\"10.0.0.1\"},\"labels\":{\"n\":7}}");
        assertThat(e.source().port()).isEqualTo(22);
        assertThat(e.source().bytes()).isEqualTo(1000L);
        assertThat(e.network().ianaNumber()).isEqualTo("6");
        assertThat(e.network().vlanId()).isEqualTo("10");
        assertThat(e.tls().established()).isTrue();
        assertThat(e.observer().ip()).containsExactly("10.0.0.254");
        assertThat(e.host().ip()).containsExactly("10.0.0.1");
        assertThat(e.labels()).containsExactly(Map.entry("n", "7"));
    }

    @Test
    void labelsAreWrittenInKeyOrderWhateverTheMapOrder() {
        SecurityEvent e = SecurityEvent.builder().labels(Map.of("z", "1", "a", "2", "m", "3")).build();
        assertThat(EcsJsonCodec.toJson(e)).isEqualTo("{\"labels\":{\"a\":\"2\",\"m\":\"3\",\"z\":\"1\"}}");
    }

    @Test
    void writeToStreamsWithoutClosing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        SecurityEvent e = SecurityEvent.builder().message("a").build();
        EcsJsonCodec.writeTo(e, out);
        out.write('\n');
        EcsJsonCodec.writeTo(e, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"a\"}\n{\"message\":\"a\"}");
    }

    @Test
    void lineWriterWritesWhatWriteToWritesOneEventALine() throws Exception {
        List<SecurityEvent> events = List.of(TestEvents.full(), SecurityEvent.builder().message("a").build(),
                SecurityEvent.builder().build(), TestEvents.full());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (SecurityEvent e : events) {
            EcsJsonCodec.writeTo(e, expected);
            expected.write('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        EcsJsonCodec.LineWriter lines = EcsJsonCodec.lineWriter(out);
        for (SecurityEvent e : events) {
            lines.write(e);
        }
        lines.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLineWriterWhoseStreamFailedRefusesFurtherLines() {
        // fails once, then accepts: a reused writer would go on from the half-written line
        java.io.OutputStream flaky = new java.io.OutputStream() {
            private boolean failedOnce;

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                if (!failedOnce) {
                    failedOnce = true;
                    throw new java.io.IOException("disk full");
                }
            }
        };
        EcsJsonCodec.LineWriter lines = EcsJsonCodec.lineWriter(flaky);
        // a message longer than the generator's buffer, so the stream is written within the event
        SecurityEvent big = SecurityEvent.builder().message("x".repeat(20_000)).build();
        assertThatThrownBy(() -> lines.write(big)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("disk full");
        assertThatThrownBy(() -> lines.write(SecurityEvent.builder().message("next").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("earlier write failed");
    }

    @Test
    void extraAtAModelledNameIsShadowedOnWrite() {
        // Only reachable through the canonical constructor: the builder refuses it.
        SecurityEvent e = new SecurityEvent(null, "m", null, null, null,
                new SecurityEvent.Endpoint("1.1.1.1", null, null, null, null, null, null), null, null, null, null,
                null, null, null, null, null, null, null, null, null,
                Map.of("source", Map.of("ip", "9.9.9.9", "geo", Map.of("city_name", "x")), "message", "shadow"));
        assertThat(TestEvents.tree(EcsJsonCodec.toJson(e))).isEqualTo(TestEvents.tree(
                "{\"message\":\"m\",\"source\":{\"ip\":\"1.1.1.1\",\"geo\":{\"city_name\":\"x\"}}}"));
    }

    @Test
    void extraInsideAnAbsentComponentIsStillWritten() throws Exception {
        SecurityEvent e = SecurityEvent.builder().extraField("source.geo.country_iso_code", "CN")
                .extraField("log.syslog.structured_data.origin.ip", "10.0.0.5").build();
        String json = EcsJsonCodec.toJson(e);
        assertThat(json).isEqualTo("{\"source\":{\"geo\":{\"country_iso_code\":\"CN\"}},"
                + "\"log\":{\"syslog\":{\"structured_data\":{\"origin\":{\"ip\":\"10.0.0.5\"}}}}}");
        // Read back, the structured data is modelled now; the JSON stays the same.
        SecurityEvent read = EcsJsonCodec.fromJson(json);
        assertThat(read.log().syslog().structuredData()).containsEntry("origin", Map.of("ip", "10.0.0.5"));
        assertThat(EcsJsonCodec.toJson(read)).isEqualTo(json);
    }

    private static Instant ts(String jsonValue) throws EcsJsonException {
        return EcsJsonCodec.fromJson("{\"@timestamp\":" + jsonValue + "}").timestamp();
    }

    /** The text of {@code @timestamp}, the same whether written as bytes (timestamps copied raw) or as a String. */
    private static String written(Instant instant) {
        SecurityEvent e = SecurityEvent.builder().timestamp(instant).build();
        String viaString = EcsJsonCodec.toJson(e);
        assertThat(new String(EcsJsonCodec.toJsonBytes(e), StandardCharsets.UTF_8)).isEqualTo(viaString);
        return TestEvents.tree(viaString).get("@timestamp").asText();
    }
}
