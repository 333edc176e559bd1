package org.fenghuo.collectors.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamFramerTest {

    /** Feeds the input whole, then one byte at a time, then in random chunks; all must agree. */
    private static List<String> frames(Supplier<StreamFramer> factory, String input) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        List<String> whole = run(factory.get(), bytes, new int[] {bytes.length});
        int[] ones = new int[bytes.length];
        Arrays.fill(ones, 1);
        assertThat(run(factory.get(), bytes, ones)).as("fed one byte at a time").isEqualTo(whole);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<Integer> sizes = new ArrayList<>();
            for (int left = bytes.length; left > 0; ) {
                int n = 1 + random.nextInt(Math.min(left, 7));
                sizes.add(n);
                left -= n;
            }
            int[] chunks = sizes.stream().mapToInt(Integer::intValue).toArray();
            assertThat(run(factory.get(), bytes, chunks)).as("fed in chunks %s", sizes).isEqualTo(whole);
        }
        return whole;
    }

    private static List<String> run(StreamFramer framer, byte[] bytes, int[] chunks) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int n : chunks) {
            framer.feed(bytes, at, n, r -> out.add(describe(r)));
            at += n;
        }
        framer.finish(r -> out.add(describe(r)));
        return out;
    }

    private static String describe(FrameResult result) {
        if (result instanceof FrameResult.Frame f) {
            return f.offset() + ":" + new String(f.bytes(), StandardCharsets.ISO_8859_1);
        }
        FrameResult.FrameError e = (FrameResult.FrameError) result;
        return e.offset() + ":" + e.kind().tag() + "/" + e.length() + "/" + new String(e.head(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsLinesOnLfAndCrlfAndKeepsAFinalLineWithoutLf() {
        assertThat(frames(() -> StreamFramer.lines(64, 0), "a\nbb\r\nccc"))
                .containsExactly("0:a", "2:bb", "6:ccc");
    }

    @Test
    void emptyInputGivesNothingAndEmptyLinesGiveEmptyFrames() {
        assertThat(frames(() -> StreamFramer.lines(64, 0), "")).isEmpty();
        assertThat(frames(() -> StreamFramer.lines(64, 0), "\n\r\n")).containsExactly("0:", "1:");
    }

    @Test
    void offsetsStartWhereTheCallerSays() {
        StreamFramer framer = StreamFramer.lines(64, 1000);
        List<String> out = new ArrayList<>();
        framer.feed(ByteBuffer.wrap("x\ny\n".getBytes(StandardCharsets.US_ASCII)), r -> out.add(describe(r)));
        assertThat(out).containsExactly("1000:x", "1002:y");
        assertThat(framer.position()).isEqualTo(1004);
    }

    @Test
    void anOversizeLineIsOneTypedErrorWithItsHeadAndTheFramerGoesOn() {
        assertThat(frames(() -> StreamFramer.lines(8, 0), "short\n0123456789abc\nok\n"))
                .containsExactly("0:short", "6:frame_too_large/13/01234567", "20:ok");
    }

    @Test
    void aLineOfExactlyTheLimitFits() {
        assertThat(frames(() -> StreamFramer.lines(8, 0), "01234567\n012345678\n"))
                .containsExactly("0:01234567", "9:frame_too_large/9/01234567");
    }

    @Test
    void aFileWithoutAnyLfIsBoundedByTheLimit() {
        assertThat(frames(() -> StreamFramer.lines(4, 0), "abcdefghij"))
                .containsExactly("0:frame_too_large/10/abcd");
    }

    @Test
    void linesModeNeverReadsOctetCounts() {
        assertThat(frames(() -> StreamFramer.lines(64, 0), "5 hello\n")).containsExactly("0:5 hello");
    }

    @Test
    void octetCountedFramesMayFollowEachOtherWithoutSeparator() {
        assertThat(frames(() -> StreamFramer.syslogTcp(64), "8 <1>hello6 <1>abc"))
                .containsExactly("0:<1>hello", "10:<1>abc");
    }

    @Test
    void octetCountingAndLfFramingMixOnOneStream() {
        assertThat(frames(() -> StreamFramer.syslogTcp(64), "8 <1>hello<13>line one\n9 <1>world!\n"))
                .containsExactly("0:<1>hello", "10:<13>line one", "23:<1>world!", "34:");
    }

    @Test
    void digitsNotFollowedBySpaceAreALine() {
        assertThat(frames(() -> StreamFramer.syslogTcp(64), "2024-03-27T10:00:00Z host x\n12\n"))
                .containsExactly("0:2024-03-27T10:00:00Z host x", "28:12");
    }

    @Test
    void aZeroCountIsAnEmptyFrame() {
        assertThat(frames(() -> StreamFramer.syslogTcp(64), "0 6 <1>abc")).containsExactly("0:", "2:<1>abc");
    }

    @Test
    void anOversizeOctetCountSkipsExactlyTheDeclaredBytes() {
        assertThat(frames(() -> StreamFramer.syslogTcp(8), "20 <1>3456789abcdefghij6 <1>abc"))
                .containsExactly("0:frame_too_large/20/<1>34567", "23:<1>abc");
    }

    @Test
    void aHugeDeclaredCountCannotSwallowTheConnection() {
        assertThat(frames(() -> StreamFramer.syslogTcp(64), "9999999999 <13>evil\n<13>next\n"))
                .containsExactly("0:frame_too_large/9999999999/9999999999 ", "20:<13>next");
    }

    @Test
    void aLineThatStartsWithANumberAndASpaceIsNotACount() {
        assertThat(frames(() -> StreamFramer.syslogTcp(64), "100 errors in the last hour\n"))
                .containsExactly("0:100 errors in the last hour");
    }

    @Test
    void aStreamEndingInsideAnOctetCountedFrameIsATruncationError() {
        assertThat(frames(() -> StreamFramer.syslogTcp(64), "5 <1>ab12 <1>abc"))
                .containsExactly("0:<1>ab", "7:truncated_frame/6/<1>abc");
    }

    @Test
    void aHugeDigitRunIsNotACount() {
        // eleven digits: more than any sane count, so it is read as a line and stays bounded
        assertThat(frames(() -> StreamFramer.syslogTcp(8), "99999999999 x\nok\n"))
                .containsExactly("0:frame_too_large/13/99999999", "14:ok");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejectsANonPositiveLimit(int max) {
        assertThatThrownBy(() -> StreamFramer.lines(max, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFrameBytes");
    }
}
