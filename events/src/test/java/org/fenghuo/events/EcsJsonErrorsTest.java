package org.fenghuo.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad input must fail with an {@link EcsJsonException} that names the field, never with anything else. */
class EcsJsonErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            source.port              | {"source":{"port":"abc"}}
            source.port              | {"source.port":"abc"}
            source.port              | {"source":{"port":1.5}}
            url.port                 | {"url":{"port":3000000000}}
            @timestamp               | {"@timestamp":"12x"}
            @timestamp               | {"@timestamp":true}
            @timestamp               | {"@timestamp":1.5}
            event.created            | {"event":{"created":"yesterday"}}
            event.category           | {"event":{"category":{"a":1}}}
            event.severity           | {"event":{"severity":[1,2]}}
            source                   | {"source":"203.0.113.9"}
            user_agent               | {"user_agent":"curl/8.0"}
            tls.established          | {"tls":{"established":"yes"}}
            log.syslog.priority      | {"log":{"syslog":{"priority":"high"}}}
            log.syslog.facility      | {"log":{"syslog":{"facility":4}}}
            log.syslog.structured_data.origin | {"log":{"syslog":{"structured_data":{"origin":"x"}}}}
            dns.answers              | {"dns":{"answers":"1.2.3.4"}}
            dns.answers[1]           | {"dns":{"answers":[{"data":"a"},"b"]}}
            dns.answers[0].ttl       | {"dns":{"answers":[{"ttl":"long"}]}}
            host.ip[1]               | {"host":{"ip":["10.0.0.1",{"v":6}]}}
            message                  | {"message":{"text":"x"}}
            fenghuo.ics.function_code | {"fenghuo.ics.function_code":"read"}
            """)
    void wrongTypeInAKnownFieldNamesTheField(String field, String json) {
        EcsJsonException e = catchThrowableOfType(EcsJsonException.class, () -> EcsJsonCodec.fromJson(json));
        assertThat(e).as("no exception for %s", json).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + ": ");
        EcsJsonException fromBytes = catchThrowableOfType(EcsJsonException.class,
                () -> EcsJsonCodec.fromJson(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(fromBytes.getMessage()).isEqualTo(e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @timestamp         | {"@timestamp": 12x}
            source.port        | {"source": {"port": 22,, }}
            dns.answers[0].ttl | {"dns": {"answers": [{"ttl": 60x}]}}
            """)
    void syntaxErrorsNameTheFieldBeingReadAndTheOffset(String field, String json) {
        EcsJsonException e = catchThrowableOfType(EcsJsonException.class,
                () -> EcsJsonCodec.fromJson(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + ": invalid JSON at line 1");
        assertThat(e.offset()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"text\"", "42", "null", "{\"a\":1} {\"b\":2}", "{\"a\":1", "{\"a\":"})
    void notOneJsonObjectIsRefused(String json) {
        EcsJsonException e = catchThrowableOfType(EcsJsonException.class, () -> EcsJsonCodec.fromJson(json));
        assertThat(e).as("no exception for [%s]", json).isNotNull();
        assertThat(e.getMessage()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 100, 101, 150})
    void nestingBeyondTheLimitIsRefusedNotAStackOverflow(int depth) {
        String json = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        if (depth <= JsonTreeParser.MAX_DEPTH) {
            assertThat(catchThrowableOfType(EcsJsonException.class, () -> EcsJsonCodec.fromJson(json))).isNull();
        } else {
            assertThat(catchThrowableOfType(EcsJsonException.class, () -> EcsJsonCodec.fromJson(json)))
                    .hasMessageContaining("invalid JSON");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 100, 101, 400})
    void dottedNamesThatWouldNestBeyondTheLimitAreRefusedSoEveryEventReadsBackFromItsOwnJson(int parts) throws Exception {
        // one level on the wire, `parts` levels in the event: its own JSON must read back at every hop
        String json = "{\"@timestamp\":\"2026-11-24T10:00:00Z\",\"" + "x.".repeat(parts - 1) + "y\":1}";
        if (parts <= JsonTreeParser.MAX_DEPTH) {
            SecurityEvent e = EcsJsonCodec.fromJson(json);
            assertThat(EcsJsonCodec.fromJson(EcsJsonCodec.toJsonBytes(e))).isEqualTo(e);
        } else {
            EcsJsonException e = catchThrowableOfType(EcsJsonException.class, () -> EcsJsonCodec.fromJson(json));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("nests deeper than 100 levels once dotted field names are expanded");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\":null", "\"a..b\":null", "\"x\":{\"\":null}"})
    void aNullUnderAnyNameIsDroppedAsBeforeNotRefused(String field) throws Exception {
        SecurityEvent e = EcsJsonCodec.fromJson("{\"@timestamp\":\"2026-11-24T10:00:00Z\"," + field + "}");
        assertThat(e.timestamp()).isEqualTo(java.time.Instant.parse("2026-11-24T10:00:00Z"));
    }
}
