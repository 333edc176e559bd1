package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written fast path reads exactly what OffsetDateTime.parse reads, and rejects what it rejects. */
class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24T08:15:02Z", "2026-11-24T08:15:02.1Z", "2026-11-24T08:15:02.123456789+08:00",
        "2003-10-11T22:14:15.003-07:00", "2024-02-29T23:59:59-00:00", "1970-01-01T00:00:00Z", "2026-11-24t08:15:02z",
        "2026-11-24T08:15:02+05:45", "2026-11-24T08:15:02.Z"})
    void sameInstantAsOffsetDateTime(String text) {
        assertThat(Rfc3339.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T08:15:02Z", "2026-11-24T24:00:00Z", "2026-11-24T08:60:02Z", "2026-11-24T08:15:60Z",
        "2026-11-24T08:15:02", "2026-11-24T08:15:02.1234567890Z", "2026-11-24T08:15:02+0800",
        "2026-13-24T08:15:02Z", "20x6-11-24T08:15:02Z"})
    void rejectsWhatOffsetDateTimeRejects(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
