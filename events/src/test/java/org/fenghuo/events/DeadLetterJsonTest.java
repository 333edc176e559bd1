package org.fenghuo.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterJsonTest {
    private static final byte[] RAW = "<13>Nov 23 10:00:00 gw \u00ff\u00fe bad".getBytes(StandardCharsets.ISO_8859_1);
    private static final DeadLetter LETTER = DeadLetter.of(Instant.parse("2026-11-23T10:00:00.123Z"), "syslog-udp",
            "10.0.0.5:514", 4096, "invalid UTF-8 at byte 24", RAW, 16);

    @Test
    void writesTheGoldenEcsShape() {
        String json = DeadLetterJson.toJson(LETTER);
        assertThat(TestEvents.tree(json)).isEqualTo(TestEvents.golden("dead-letter.json", json));
    }

    @Test
    void roundTrips() throws Exception {
        assertThat(DeadLetterJson.fromJson(DeadLetterJson.toJson(LETTER))).isEqualTo(LETTER);
        assertThat(DeadLetterJson.fromJson(DeadLetterJson.toJsonBytes(LETTER))).isEqualTo(LETTER);
    }

    @Test
    void rawBytesAreCutAtTheLimitAndTheFullLengthKept() {
        assertThat(LETTER.rawBytes()).hasSize(16).isEqualTo(java.util.Arrays.copyOf(RAW, 16));
        assertThat(LETTER.rawLength()).isEqualTo(RAW.length);
        assertThat(LETTER.truncated()).isTrue();
        DeadLetter whole = DeadLetter.of(Instant.EPOCH, "in", null, -1, "r", RAW, 1 << 16);
        assertThat(whole.rawBytes()).isEqualTo(RAW);
        assertThat(whole.truncated()).isFalse();
        assertThatThrownBy(() -> DeadLetter.of(Instant.EPOCH, "in", null, -1, "r", RAW, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownOffsetIsLeftOutAndReadsBackAsMinusOne() throws Exception {
        DeadLetter d = new DeadLetter(Instant.EPOCH, "kafka", null, -1, "no @timestamp", null, 0);
        String json = DeadLetterJson.toJson(d);
        assertThat(json).doesNotContain("offset").doesNotContain("origin");
        assertThat(DeadLetterJson.fromJson(json)).isEqualTo(d);
    }

    @Test
    void missingRawLengthReadsAsTheDecodedLengthAndBadBase64IsRefused() throws Exception {
        DeadLetter d = DeadLetterJson.fromJson("{\"fenghuo\":{\"dead_letter\":{\"raw_base64\":\"AAEC\"}}}");
        assertThat(d.rawLength()).isEqualTo(3);
        assertThat(d.offset()).isEqualTo(-1);
        assertThatThrownBy(() -> DeadLetterJson.fromJson("{\"fenghuo\":{\"dead_letter\":{\"raw_base64\":\"%%%\"}}}"))
                .isInstanceOf(EcsJsonException.class).hasMessageStartingWith("fenghuo.dead_letter.raw_base64: ");
        assertThatThrownBy(() -> DeadLetterJson.fromJson("{\"log\":{\"offset\":\"end\"}}"))
                .isInstanceOf(EcsJsonException.class).hasMessageStartingWith("log.offset: ");
    }
}
