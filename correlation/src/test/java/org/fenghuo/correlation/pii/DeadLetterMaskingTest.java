package org.fenghuo.correlation.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.fenghuo.crypto.pii.sample.PersonalValues;
import org.fenghuo.events.DeadLetter;
import org.junit.jupiter.api.Test;

class DeadLetterMaskingTest {
    private static final PersonalValues VALUES = new PersonalValues(new Random(7));
    private static final String ID_NUMBER = VALUES.idNumber(false);
    private static final String PHONE = VALUES.phone();

    private static DeadLetter letter(String reason, byte[] raw) {
        return DeadLetter.of(Instant.parse("2026-11-23T10:00:00Z"), "syslog-udp", "10.0.0.5:514", 12, reason, raw, 65536);
    }

    private static DeadLetter mask(DeadLetter in) throws Exception {
        try (var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new DeadLetterMasking()))) {
            harness.open();
            harness.processElement(in, 0);
            return harness.extractOutputValues().get(0);
        }
    }

    @Test
    void personalDataInARawUtf8LineAndInTheReasonIsMasked() throws Exception {
        String line = "<13>登记 身份证 " + ID_NUMBER + " 手机" + PHONE + " 车牌 京A12345 broken";
        DeadLetter out = mask(letter("unparseable near '" + PHONE + "'", line.getBytes(StandardCharsets.UTF_8)));

        String raw = new String(out.rawBytes(), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain("京A12345")
                .contains(ID_NUMBER.substring(0, 6) + "********" + ID_NUMBER.substring(14))
                .contains(PHONE.substring(0, 3) + "****" + PHONE.substring(7))
                .startsWith("<13>登记 身份证 ").endsWith(" broken");
        assertThat(out.reason()).doesNotContain(PHONE).startsWith("unparseable near '");
        assertThat(out.rawLength()).as("the original length is kept").isEqualTo(line.getBytes(StandardCharsets.UTF_8).length);
        assertThat(out.origin()).isEqualTo("10.0.0.5:514");
    }

    @Test
    void invalidUtf8KeepsEveryByteButThePersonalOnes() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes("<13>bad ".getBytes(StandardCharsets.US_ASCII));
        raw.write(0xC3);
        raw.write(0x28); // invalid UTF-8 sequence
        raw.writeBytes((" call " + PHONE + " now").getBytes(StandardCharsets.US_ASCII));

        byte[] out = mask(letter("invalid UTF-8 at byte 8", raw.toByteArray())).rawBytes();

        String masked = "<13>bad ?? call " + PHONE.substring(0, 3) + "****" + PHONE.substring(7) + " now";
        assertThat(out).hasSize(raw.size());
        assertThat(out[8]).isEqualTo((byte) 0xC3);
        assertThat(out[9]).isEqualTo((byte) 0x28);
        assertThat(new String(out, StandardCharsets.ISO_8859_1).substring(10)).isEqualTo(masked.substring(10));
    }

    @Test
    void aDeadLetterWithoutPersonalDataIsPassedOnAsItIs() throws Exception {
        DeadLetter in = letter("not an ECS event", "{\"oops\":".getBytes(StandardCharsets.UTF_8));
        assertThat(mask(in)).isEqualTo(in);
    }
}
