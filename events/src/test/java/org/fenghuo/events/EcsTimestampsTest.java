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

    @org.junit.jupiter.api.Test
    void theBoundsAreTheFirstAndLastInstantsOfFourDigitYears() {
        assertThat(EcsTimestamps.EARLIEST).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
        assertThat(EcsTimestamps.LATEST).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-04-31T00:00:00.000Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "2026-11-23T10:60:00Z", "2026-11-23T10:00:00.12Z_", "2026-11-2xT10:00:00Z",
            "2026/11/23T10:00:00Z", "T", "12x"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> EcsTimestamps.parse(text, "event.created"))
                .isInstanceOf(EcsJsonException.class).hasMessageStartingWith("event.created: ");
        assertThat(EcsTimestamps.parseOrNull(text)).isNull();
    }

    /**
     * Everything {@link EcsTimestamps#format} writes in the years 0000-9999 (any fraction: it trims
     * trailing zeros, so a microsecond time has 1 to 6 digits) takes the fast path, to the same
     * instant; and {@code parseOrNull} gives what {@code parse} gives.
     */
    @org.junit.jupiter.api.Test
    void whatFormatWritesIsReadBackByTheFastPath() throws Exception {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> random.nextInt(1_000) * 1_000_000;
                case 1 -> random.nextInt(1_000_000) * 1_000;
                case 2 -> random.nextInt(10) * 100_000_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L), nanos);
            String text = EcsTimestamps.format(t);
            if (t.getEpochSecond() >= 0) {
                assertThat(EcsTimestamps.parseCanonical(text)).as(text).isEqualTo(t);
            }
            assertThat(EcsTimestamps.parseOrNull(text)).as(text).isEqualTo(t);
            assertThat(EcsTimestamps.parse(text, "t")).as(text).isEqualTo(t);
        }
        for (int digits = 1; digits <= 9; digits++) {
            String text = "2026-11-23T10:00:00." + "123456789".substring(0, digits) + "Z";
            assertThat(EcsTimestamps.parseCanonical(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(EcsTimestamps.parseCanonical("2026-11-23T10:00:00.Z")).isNull();
        assertThat(EcsTimestamps.parseCanonical("2026-11-23T10:00:00.1234567890Z")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T10:00:00+08:00", "2026-11-23T10:00:00", "2026-11-23", "1700000000123",
            "2026-06-30T23:59:60Z", "2026-11-23T24:00:00Z"})
    void parseOrNullReadsWhatParseReads(String text) throws Exception {
        assertThat(EcsTimestamps.parseOrNull(text)).isEqualTo(EcsTimestamps.parse(text, "t"));
        assertThat(EcsTimestamps.parseOrNull(1_700_000_000_123L)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(EcsTimestamps.parseOrNull(Long.MAX_VALUE)).isNull();
        assertThat(EcsTimestamps.parseOrNull(1.5)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "+300000000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z",
            "-1000000000-01-01T00:00:00Z", "253402300800000", "9223372036854775807"})
    void refusesTimesOutsideTheYears0000To9999(String text) {
        assertThatThrownBy(() -> EcsTimestamps.parse(text, "event.start"))
                .isInstanceOf(EcsJsonException.class).hasMessageStartingWith("event.start: ")
                .hasMessageContaining("outside the years 0000 to 9999");
        assertThat(EcsTimestamps.parseOrNull(text)).isNull();
        assertThatThrownBy(() -> EcsTimestamps.parse(Long.MAX_VALUE, "event.created"))
                .isInstanceOf(EcsJsonException.class).hasMessageContaining("outside the years 0000 to 9999");
    }

    /** The hand-written formatter must print exactly what the DateTimeFormatters print. */
    @org.junit.jupiter.api.Test
    void formatAgreesWithTheFormatters() {
        java.time.format.DateTimeFormatter millis =
                new java.time.format.DateTimeFormatterBuilder().appendInstant(3).toFormatter();
        java.time.format.DateTimeFormatter finer =
                new java.time.format.DateTimeFormatterBuilder().appendInstant(-1).toFormatter();
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        long[] seconds = {0, 59, 60, 86_399, 86_400, 951_782_400L, 1_700_000_000L, 253_402_300_799L,
                253_402_300_800L, -1, -86_401, -62_167_219_200L, 400_000_000_000L};
        int[] nanos = {0, 1, 999, 1_000, 999_000, 1_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999};
        java.util.List<Instant> instants = new java.util.ArrayList<>();
        for (long s : seconds) {
            for (int n : nanos) {
                instants.add(Instant.ofEpochSecond(s, n));
            }
        }
        for (int i = 0; i < 20_000; i++) {
            int n = switch (i % 3) {
                case 0 -> random.nextInt(1_000) * 1_000_000;
                case 1 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(random.nextLong(-100_000_000_000L, 300_000_000_000L), n));
        }
        for (Instant t : instants) {
            String expected = (t.getNano() % 1_000_000 == 0 ? millis : finer).format(t);
            assertThat(EcsTimestamps.format(t)).as("%s", t).isEqualTo(expected);
        }
    }
}
