package org.fenghuo.correlation.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;
import org.junit.jupiter.api.Test;

class DeadLetterDecoderTest {

    @Test
    void aCollectorsDeadLetterReadsAsItWasWritten() {
        DeadLetter letter = new DeadLetter(Instant.parse("2026-11-24T10:00:00Z"), "syslog.udp", "10.0.0.1:514", 3,
                "invalid UTF-8 at byte 3", "AAEC", 3);

        assertThat(new DeadLetterDecoder().map(new RawRecord("fenghuo.deadletter", 0, 9, 0,
                DeadLetterJson.toJsonBytes(letter)))).isEqualTo(letter);
    }

    @Test
    void anUnreadableOneIsKeptCutToTheSameLimitAsEventsWithItsFullLength() {
        byte[] huge = new byte[EventDecoder.MAX_RAW_BYTES + 10];
        Arrays.fill(huge, (byte) 'x');

        DeadLetter letter = new DeadLetterDecoder().map(new RawRecord("fenghuo.deadletter", 1, 42, 1_700_000_000_000L, huge));

        assertThat(letter.reason()).startsWith("unreadable dead letter: ");
        assertThat(letter.origin()).isEqualTo("fenghuo.deadletter/1@42");
        assertThat(letter.rawLength()).isEqualTo(huge.length);
        assertThat(Base64.getDecoder().decode(letter.rawBase64())).hasSize(EventDecoder.MAX_RAW_BYTES)
                .isEqualTo(Arrays.copyOf("x".repeat(huge.length).getBytes(StandardCharsets.US_ASCII),
                        EventDecoder.MAX_RAW_BYTES));
    }
}
