package org.fenghuo.collectors.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fenghuo.collectors.input.ErrorKind;
import org.junit.jupiter.api.Test;

/** The framer's memory bound, measured as bytes allocated, not time. */
class StreamFramerBoundsTest {

    private static final int MAX = 64 * 1024;
    private static final int TEN_MB = 10 * 1024 * 1024;

    /** Bytes this thread allocated so far (HotSpot's per-thread counter). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aTenMegabyteLineIsSkippedWithoutBeingBuffered() {
        StreamFramer framer = StreamFramer.syslogTcp(MAX);
        List<FrameResult> out = new ArrayList<>();
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        chunk[0] = '<';
        long before = allocated();
        framer.feed(chunk, 0, chunk.length, out::add);
        chunk[0] = 'x';
        for (int sent = chunk.length; sent < TEN_MB; sent += chunk.length) {
            framer.feed(chunk, 0, chunk.length, out::add);
        }
        boolean stillInFrame = framer.inFrame();
        byte[] tail = "\n<13>Oct 11 22:14:15 host app: next\n".getBytes(StandardCharsets.US_ASCII);
        framer.feed(tail, 0, tail.length, out::add);
        long used = allocated() - before;

        assertThat(stillInFrame).isTrue();
        assertThat(out).hasSize(2);
        FrameResult.FrameError error = (FrameResult.FrameError) out.get(0);
        assertThat(error.kind()).isEqualTo(ErrorKind.FRAME_TOO_LARGE);
        assertThat(error.length()).isEqualTo(TEN_MB);
        assertThat(error.head()).hasSize(MAX);
        assertThat(new String(((FrameResult.Frame) out.get(1)).bytes(), StandardCharsets.US_ASCII))
                .endsWith("app: next");
        assertThat(framer.inFrame()).isFalse();
        // the 64 KiB head copy plus small change; buffering the line would take 10 MB
        assertThat(used).as("bytes allocated while framing a 10 MB line").isLessThan(1024 * 1024);
    }

    @Test
    void anAbsurdOctetCountIsReportedAtOnceAndTheStreamResynchronisesAtTheNextLf() {
        StreamFramer framer = StreamFramer.syslogTcp(MAX);
        List<FrameResult> out = new ArrayList<>();
        byte[] bytes = ("9999999999 <13>x\n" + "99999999999 <13>y\n" + "<13>Oct 11 22:14:15 host app: z\n")
                .getBytes(StandardCharsets.US_ASCII);
        framer.feed(bytes, 0, bytes.length, out::add);
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isInstanceOfSatisfying(FrameResult.FrameError.class,
                e -> assertThat(e.length()).isEqualTo(9_999_999_999L));
        // eleven digits cannot be a count: an ordinary line, for the parser to reject
        assertThat(out.get(1)).isInstanceOf(FrameResult.Frame.class);
        assertThat(out.get(2)).isInstanceOf(FrameResult.Frame.class);
    }
}
