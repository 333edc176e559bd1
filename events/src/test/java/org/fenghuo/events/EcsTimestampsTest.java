package org.fenghuo.events;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written fast path must agree with {@link Instant#parse} on everything it takes. */
class EcsTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123Z", "2026-11-23T10:00:00.123456Z",
            "2026-11-23T10:00:00.123456789Z", "1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z",
            "2024-02-29T12:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2026-11-23T24:00:00Z", "2026-06-30T23:59:60Z", "2026-11-23T10:00:00.5Z"})
    void agreesWithInstantParse(String text) throws Exception {
        assertThat(EcsTimestamps.parse(text, "t")).isEqualTo(Instant.parse(text));
        assertThat(EcsTimestamps.parse(EcsTimestamps.format(Instant.parse(text)), "t")).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-04-31T00:00:00.000Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "2026-11-23T10:60:00Z", "2026-11-23T10:00:00.12Z_", "2026-11-2xT10:00:00Z",
            "2026/11/23T10:00:00Z", "T", "12x"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> EcsTimestamps.parse(text, "event.created"))
                .isInstanceOf(EcsJsonException.class).hasMessageStartingWith("event.created: ");
    }
}
