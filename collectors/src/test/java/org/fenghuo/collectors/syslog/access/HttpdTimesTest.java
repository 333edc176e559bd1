package org.fenghuo.collectors.syslog.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpdTimesTest {

    @Test
    void accessLogTimesWithTheirOffset() {
        assertThat(HttpdTimes.clf("10/Oct/2000:13:55:36 -0700")).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(HttpdTimes.clf("01/Jan/2024:00:00:00 +0530")).isEqualTo(Instant.parse("2023-12-31T18:30:00Z"));
        assertThat(HttpdTimes.clf("29/Feb/2024:23:59:59 +0000")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30/Feb/2024:00:00:00 +0000", "10/oct/2000:13:55:36 -0700", "10/Oct/2000:24:00:00 +0000",
        "10/Oct/2000:13:55:36 +2400", "10/Oct/2000:13:55:36 *0700", "1/Oct/2000:13:55:36 -0700", "10/Oct/2000 13:55:36 -0700",
        "10/Oct/2000:13:55:36 -07000", "aa/Oct/2000:13:55:36 -0700"})
    void notAccessLogTimes(String text) {
        assertThat(HttpdTimes.clf(text)).isNull();
    }

    @Test
    void errorLogTimesInTheGivenZoneWithAnyFraction() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(HttpdTimes.errorLog("Sun Dec 04 04:47:44 2005", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2005-12-04T04:47:44Z"));
        assertThat(HttpdTimes.errorLog("Wed Oct 11 14:32:52.123456 2023", shanghai))
                .isEqualTo(Instant.parse("2023-10-11T06:32:52.123456Z"));
        assertThat(HttpdTimes.errorLog("Wed Oct 11 14:32:52.5 2023", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2023-10-11T14:32:52.500Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Sun Dec 32 04:47:44 2005", "Sun Foo 04 04:47:44 2005", "Xyz Dec 04 04:47:44 2005",
        "Sun Dec 04 04:47:44. 2005", "Sun Dec 04 04:47:44 05", "Sun Dec 04 04:47:44 2005 ", "Sun Dec 04 04:47 2005"})
    void notErrorLogTimes(String text) {
        assertThat(HttpdTimes.errorLog(text, ZoneOffset.UTC)).isNull();
    }
}
