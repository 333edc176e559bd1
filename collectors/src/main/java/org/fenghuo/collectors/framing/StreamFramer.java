package org.fenghuo.collectors.framing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;
import org.fenghuo.collectors.input.ErrorKind;

/**
 * Splits a byte stream into frames, with a hard maximum frame size, in the manner of Netty's
 * {@code LineBasedFrameDecoder}: bytes are pushed in chunks of any size (one byte at a time
 * works) and complete frames come out through a callback.
 *
 * <p>Two framings: LF (a trailing CR is dropped, so CRLF works too) and, when enabled, RFC 6587
 * octet counting ({@code LEN SP MSG}) for a frame that starts with digits, a space and the
 * {@code <} of a syslog PRI. Anything else that starts with digits ({@code 100 errors...}) is read
 * as an LF-terminated line, so both framings can be mixed on one stream.
 *
 * <p>An oversize frame yields one {@link FrameResult.FrameError} carrying its first
 * {@code maxFrameBytes} bytes; the rest is skipped up to the next boundary (the LF, or the end of
 * the declared octet count), so memory stays bounded by {@code maxFrameBytes}. An octet count
 * above {@link #MAX_SKIPPABLE_COUNT} is not believed: it is reported as soon as it is read and the
 * stream resynchronises at the next LF, so one forged header cannot swallow gigabytes of a
 * connection. Not thread-safe: one framer per stream.
 */
public final class StreamFramer {

    /** RFC 6587 lengths above this are not counts but a line that starts with a number. */
    private static final int MAX_COUNT_DIGITS = 10;

    /**
     * Oversize octet-counted frames up to this size are skipped byte for byte, which keeps an
     * honest sender of one huge message in sync; larger counts are treated as forged.
     */
    static final long MAX_SKIPPABLE_COUNT = 64L * 1024 * 1024;

    private enum Mode { START, COUNT, AFTER_COUNT, BODY, LINE, SKIP_LINE }

    private final int maxFrameBytes;
    private final boolean octetCounting;
    private final byte[] buffer;
    private int buffered;
    private Mode mode = Mode.START;
    private long position;
    private long frameStart;
    /** LINE: bytes of the current line so far; BODY: bytes of the body read so far. */
    private long frameLength;
    private long declaredLength;
    private int countDigits;

    private StreamFramer(int maxFrameBytes, boolean octetCounting, long startOffset) {
        if (maxFrameBytes < 1) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1, was " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        this.octetCounting = octetCounting;
        this.buffer = new byte[maxFrameBytes];
        this.position = startOffset;
    }

    /** LF (and CRLF) framing, e.g. for files; offsets start at {@code startOffset}. */
    public static StreamFramer lines(int maxFrameBytes, long startOffset) {
        return new StreamFramer(maxFrameBytes, false, startOffset);
    }

    /** Syslog over TCP: RFC 6587 octet counting when a frame starts with a digit, else LF. */
    public static StreamFramer syslogTcp(int maxFrameBytes) {
        return new StreamFramer(maxFrameBytes, true, 0);
    }

    /** Stream offset of the next byte to be fed. */
    public long position() {
        return position;
    }

    /**
     * True while a frame has begun but not ended: what a network input needs to tell an idle
     * connection from one that dribbles a frame byte by byte (slowloris).
     */
    public boolean inFrame() {
        return mode != Mode.START;
    }

    public void feed(ByteBuffer data, Consumer<? super FrameResult> out) {
        if (data.hasArray()) {
            feed(data.array(), data.arrayOffset() + data.position(), data.remaining(), out);
            data.position(data.limit());
        } else {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            feed(copy, 0, copy.length, out);
        }
    }

    public void feed(byte[] data, int offset, int length, Consumer<? super FrameResult> out) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            switch (mode) {
                case START -> startFrame(data[i]);
                case COUNT -> i = count(data, i, out);
                case AFTER_COUNT -> i = afterCount(data, i, out);
                case BODY -> i = body(data, i, end, out);
                case LINE -> i = line(data, i, end, out);
                case SKIP_LINE -> i = skipLine(data, i, end);
                default -> throw new IllegalStateException(mode.toString());
            }
        }
    }

    /** End of stream: emits a final line that had no LF, or an error for a cut octet-counted frame. */
    public void finish(Consumer<? super FrameResult> out) {
        switch (mode) {
            case COUNT, AFTER_COUNT, LINE -> emitLine(out);
            case BODY -> out.accept(new FrameResult.FrameError(ErrorKind.TRUNCATED_FRAME,
                    "stream ended " + frameLength + " bytes into a " + declaredLength + "-byte octet-counted frame",
                    frameStart, frameLength, Arrays.copyOf(buffer, buffered)));
            default -> { }
        }
        reset();
    }

    private void startFrame(byte first) {
        frameStart = position;
        frameLength = 0;
        buffered = 0;
        mode = octetCounting && isDigit(first) ? Mode.COUNT : Mode.LINE;
        countDigits = 0;
        declaredLength = 0;
    }

    private int count(byte[] data, int i, Consumer<? super FrameResult> out) {
        byte b = data[i];
        if (isDigit(b) && countDigits < MAX_COUNT_DIGITS) {
            declaredLength = declaredLength * 10 + (b - '0');
            countDigits++;
            // kept in case this turns out to be a line starting with a number
            keep(data, i, 1);
            frameLength++;
            position++;
            return i + 1;
        }
        if (b == ' ' && countDigits > 0) {
            position++;
            if (declaredLength == 0) {
                out.accept(new FrameResult.Frame(new byte[0], frameStart));
                reset();
                return i + 1;
            }
            // kept too: if no PRI follows, "LEN SP" was the start of an ordinary line
            keep(data, i, 1);
            frameLength++;
            mode = Mode.AFTER_COUNT;
            return i + 1;
        }
        // digits not followed by SP: an LF-framed line whose first bytes are already buffered
        mode = Mode.LINE;
        return i;
    }

    private int afterCount(byte[] data, int i, Consumer<? super FrameResult> out) {
        if (data[i] != '<') {
            mode = Mode.LINE;
            return i;
        }
        if (declaredLength > Math.max(maxFrameBytes, MAX_SKIPPABLE_COUNT)) {
            out.accept(new FrameResult.FrameError(ErrorKind.FRAME_TOO_LARGE, "octet count " + declaredLength
                    + " is beyond any plausible frame (maximum " + maxFrameBytes + " bytes); skipping to the next LF",
                    frameStart, declaredLength, Arrays.copyOf(buffer, buffered)));
            mode = Mode.SKIP_LINE;
            return i;
        }
        mode = Mode.BODY;
        frameLength = 0;
        buffered = 0;
        return i;
    }

    /** Discards up to and including the next LF: the frame was already reported. */
    private int skipLine(byte[] data, int i, int end) {
        int lf = indexOf(data, i, end, (byte) '\n');
        if (lf < 0) {
            position += end - i;
            return end;
        }
        position += lf + 1 - i;
        reset();
        return lf + 1;
    }

    private int body(byte[] data, int i, int end, Consumer<? super FrameResult> out) {
        int n = (int) Math.min(declaredLength - frameLength, end - i);
        keep(data, i, n);
        frameLength += n;
        position += n;
        if (frameLength == declaredLength) {
            if (declaredLength > maxFrameBytes) {
                out.accept(overflow(declaredLength, "octet count " + declaredLength));
            } else {
                out.accept(new FrameResult.Frame(Arrays.copyOf(buffer, buffered), frameStart));
            }
            reset();
        }
        return i + n;
    }

    private int line(byte[] data, int i, int end, Consumer<? super FrameResult> out) {
        int lf = indexOf(data, i, end, (byte) '\n');
        int stop = lf >= 0 ? lf : end;
        int n = stop - i;
        keep(data, i, n);
        frameLength += n;
        position += n;
        if (lf < 0) {
            return end;
        }
        position++;
        emitLine(out);
        reset();
        return lf + 1;
    }

    private void emitLine(Consumer<? super FrameResult> out) {
        if (frameLength > maxFrameBytes) {
            out.accept(overflow(frameLength, "line of " + frameLength + " bytes"));
            return;
        }
        int length = buffered;
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        out.accept(new FrameResult.Frame(Arrays.copyOf(buffer, length), frameStart));
    }

    private FrameResult.FrameError overflow(long length, String what) {
        return new FrameResult.FrameError(ErrorKind.FRAME_TOO_LARGE,
                what + " exceeds the maximum frame size of " + maxFrameBytes + " bytes",
                frameStart, length, Arrays.copyOf(buffer, buffered));
    }

    /** Copies what still fits; the rest of an oversize frame is only counted, never stored. */
    private void keep(byte[] data, int from, int n) {
        int room = Math.min(n, maxFrameBytes - buffered);
        if (room > 0) {
            System.arraycopy(data, from, buffer, buffered, room);
            buffered += room;
        }
    }

    private void reset() {
        mode = Mode.START;
        buffered = 0;
        frameLength = 0;
        declaredLength = 0;
        countDigits = 0;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int indexOf(byte[] data, int from, int end, byte target) {
        for (int i = from; i < end; i++) {
            if (data[i] == target) {
                return i;
            }
        }
        return -1;
    }
}
