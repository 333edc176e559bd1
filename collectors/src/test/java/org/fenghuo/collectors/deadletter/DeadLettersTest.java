package org.fenghuo.collectors.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.fenghuo.events.DeadLetter;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static final Instant T = Instant.parse("2024-03-27T13:06:56Z");

    @Test
    void cutsRawBytesAtTheLimitAndKeepsTheOriginalLength() {
        byte[] raw = "0123456789".getBytes(StandardCharsets.US_ASCII);
        DeadLetter d = DeadLetters.of(T, "in", "udp://10.0.0.7:514", 0, "why", raw, 5000, 4);
        assertThat(Base64.getDecoder().decode(d.rawBase64())).containsExactly("0123".getBytes(StandardCharsets.US_ASCII));
        assertThat(d.rawLength()).isEqualTo(5000);
    }

    @Test
    void neverReportsALengthBelowTheBytesItHas() {
        byte[] raw = "abc".getBytes(StandardCharsets.US_ASCII);
        DeadLetter d = DeadLetters.of(T, "in", "o", 7, "why", raw, 0, 100);
        assertThat(d.rawLength()).isEqualTo(3);
        assertThat(d.offset()).isEqualTo(7);
        assertThat(new String(Base64.getDecoder().decode(d.rawBase64()), StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void jsonLinesSinkWritesOneDocumentPerLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLinesDeadLetterSink sink = new JsonLinesDeadLetterSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        sink.deadLetter(DeadLetters.of(T, "in", "o", 1, "invalid UTF-8 at byte 3", new byte[] {1, 2}, 2, 10));
        sink.deadLetter(DeadLetters.of(T, "in", "o", 2, "second", new byte[0], 0, 10));
        sink.flush();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{").contains("invalid UTF-8 at byte 3").contains("\"input\":\"in\"");
    }
}
